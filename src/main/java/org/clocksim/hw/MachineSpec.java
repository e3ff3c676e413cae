package org.clocksim.hw;

import java.util.List;
import java.util.Objects;
import org.clocksim.engine.Require;
import org.clocksim.hw.kvm.HypervisorSpec;

/**
 * The machine's shape, its counters and its scripted events, as configured.
 *
 * @param hpet   the HPET (a watchdog and fallback clocksource)
 * @param acpiPm the ACPI PM timer
 * @param events     TSC writes during the run
 * @param hypervisor what the machine runs on ({@link HypervisorSpec#NONE}: bare metal)
 */
public record MachineSpec(int sockets, int coresPerSocket, TscSpec tsc, PlatformTimerSpec hpet,
                          PlatformTimerSpec acpiPm, List<TscWrite> events, HypervisorSpec hypervisor) {
    public MachineSpec {
        Require.positive(sockets, "sockets");
        Require.positive(coresPerSocket, "coresPerSocket");
        events = List.copyOf(events);
        Objects.requireNonNull(hypervisor, "hypervisor");
    }

    /** A bare-metal machine. */
    public MachineSpec(int sockets, int coresPerSocket, TscSpec tsc, PlatformTimerSpec hpet,
                       PlatformTimerSpec acpiPm, List<TscWrite> events) {
        this(sockets, coresPerSocket, tsc, hpet, acpiPm, events, HypervisorSpec.NONE);
    }

    /** The same machine on another hypervisor. */
    public MachineSpec withHypervisor(HypervisorSpec newHypervisor) {
        return new MachineSpec(sockets, coresPerSocket, tsc, hpet, acpiPm, events, newHypervisor);
    }

    public int cores() {
        return sockets * coresPerSocket;
    }
}
