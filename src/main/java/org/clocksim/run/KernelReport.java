package org.clocksim.run;

import java.util.List;

/**
 * What the kernel did during the run. The foundation models no timekeeper yet: the machine stays
 * on the TSC and neither the boot-time sync check nor the watchdog runs.
 */
public record KernelReport(String finalClocksource, List<ClocksourceSwitch> switches, boolean syncCheckEnabled,
                           boolean watchdogEnabled) {
    public KernelReport {
        switches = List.copyOf(switches);
    }

    /** A change of clocksource, at a true time, with the kernel's reason. */
    public record ClocksourceSwitch(long timePs, String from, String to, String reason) {
    }

    static KernelReport tscThroughout() {
        return new KernelReport("tsc", List.of(), false, false);
    }
}
