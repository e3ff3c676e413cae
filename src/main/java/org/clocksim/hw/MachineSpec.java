package org.clocksim.hw;

import java.util.List;
import org.clocksim.engine.Require;

/**
 * The machine's shape, its counters and its scripted events, as configured.
 *
 * @param hpet   the HPET (a watchdog and fallback clocksource)
 * @param acpiPm the ACPI PM timer
 * @param events TSC writes during the run
 */
public record MachineSpec(int sockets, int coresPerSocket, TscSpec tsc, PlatformTimerSpec hpet,
                          PlatformTimerSpec acpiPm, List<TscWrite> events) {
    public MachineSpec {
        Require.positive(sockets, "sockets");
        Require.positive(coresPerSocket, "coresPerSocket");
        events = List.copyOf(events);
    }

    public int cores() {
        return sockets * coresPerSocket;
    }
}
