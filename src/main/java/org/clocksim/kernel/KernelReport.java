package org.clocksim.kernel;

import java.util.List;

/**
 * What the kernel did during a run: the clocksource it ended on, every switch with its reason,
 * the boot-time sync check's verdict per CPU and the watchdog's checks.
 */
public record KernelReport(ClocksourceId finalClocksource, List<ClocksourceSwitch> switches, boolean syncCheckEnabled,
                           List<SyncCheckResult> syncCheck, boolean watchdogEnabled, List<WatchdogCheck> watchdog,
                           long ticks, int ntpMultChanges) {
    public KernelReport {
        switches = List.copyOf(switches);
        syncCheck = List.copyOf(syncCheck);
        watchdog = List.copyOf(watchdog);
    }

    /** The clocksource in use after the first {@code switches} switches. */
    public ClocksourceId clocksourceAfter(int switches) {
        if (switches == 0) {
            return this.switches.isEmpty() ? finalClocksource : this.switches.get(0).from();
        }
        return this.switches.get(switches - 1).to();
    }

    /** A change of clocksource at a true time, with the kernel's reason. */
    public record ClocksourceSwitch(long timePs, ClocksourceId from, ClocksourceId to, String reason) {
    }

    /**
     * The boot-time warp test of one CPU against the boot CPU.
     *
     * @param runs               how many times the test ran
     * @param warpCycles         the largest warp the first run measured (0 if none)
     * @param compensationCycles what was written to the CPU's TSC_ADJUST in all
     */
    public record SyncCheckResult(int cpu, SyncCheckVerdict verdict, int runs, long warpCycles, long compensationCycles) {
    }

    /**
     * One clocksource-watchdog check.
     *
     * @param skewNs  the TSC's elapsed time minus the watchdog's over the interval
     */
    public record WatchdogCheck(long timePs, int cpu, WatchdogVerdict verdict, double skewNs) {
    }
}
