package org.clocksim.hw;

import java.util.List;

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
        events = List.copyOf(events);
    }

    public int cores() {
        return sockets * coresPerSocket;
    }
}
