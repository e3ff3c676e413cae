package org.clocksim.kernel;

import java.util.List;

/**
 * What the kernel did during a run: the clocksource it ended on, every switch with its reason,
 * the boot-time sync check's verdict per CPU and the watchdog's checks.
 */
public record KernelReport(ClocksourceId finalClocksource, List<ClocksourceSwitch> switches, boolean syncCheckEnabled,
                           List<SyncCheckResult> syncCheck, boolean watchdogEnabled, List<WatchdogCheck> watchdog,
                           long ticks, List<NtpChange> ntpChanges, List<TscAdjustRestore> tscAdjustRestores) {
    public KernelReport {
        switches = List.copyOf(switches);
        ntpChanges = List.copyOf(ntpChanges);
        tscAdjustRestores = List.copyOf(tscAdjustRestores);
        syncCheck = List.copyOf(syncCheck);
        watchdog = List.copyOf(watchdog);
    }

    /** How many times the timekeeper changed mult to follow NTP's frequency. */
    public int ntpMultChanges() {
        return ntpChanges.size();
    }

    /**
     * The timekeeper changed mult (timekeeping_adjust()): at a true time, to follow the NTP frequency then in
     * force; {@code mult} is the new value.
     */
    public record NtpChange(long timePs, double frequencyPpm, long mult) {
    }

    /** The clocksource in use after the first {@code switches} switches. */
    public ClocksourceId clocksourceAfter(int switches) {
        if (switches == 0) {
            return this.switches.isEmpty() ? finalClocksource : this.switches.get(0).from();
        }
        return this.switches.get(switches - 1).to();
    }

    /**
     * The TSC_ADJUST re-check found a CPU's TSC_ADJUST moved and wrote back the kernel's value
     * ("TSC ADJUST differs: CPUn expected --> found. Restoring"), in cycles relative to the CPU's boot value.
     */
    public record TscAdjustRestore(long timePs, int cpu, long expectedCycles, long foundCycles) {
    }

    /** A change of clocksource at a true time, with the kernel's reason. */
    public record ClocksourceSwitch(long timePs, ClocksourceId from, ClocksourceId to, String reason) {
    }

    /**
     * The boot-time warp test of one CPU against the boot CPU.
     *
     * @param runs               how many times the test ran (0: not tested)
     * @param warpCycles         the largest warp of the last run: what "Measured N cycles TSC warp" prints when the
     *                           verdict is unstable; 0 when the last run saw none
     * @param compensationCycles what was written to the CPU's TSC_ADJUST in all ("TSC ADJUST compensate", or the
     *                           package's value for a CPU made equal to it)
     * @param runWarpsCycles     each run's largest warp, in order ("TSC ADJUST compensate: CPUn observed N warp")
     */
    public record SyncCheckResult(int cpu, SyncCheckVerdict verdict, int runs, long warpCycles, long compensationCycles,
                                  List<Long> runWarpsCycles) {
        public SyncCheckResult {
            runWarpsCycles = List.copyOf(runWarpsCycles);
        }
    }

    /**
     * One clocksource-watchdog check.
     *
     * @param skewNs  the TSC's elapsed time minus the watchdog's over the interval
     */
    public record WatchdogCheck(long timePs, int cpu, WatchdogVerdict verdict, double skewNs) {
    }
}
