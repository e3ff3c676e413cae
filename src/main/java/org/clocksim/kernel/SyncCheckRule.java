package org.clocksim.kernel;

import org.clocksim.engine.TimeUnits;

/**
 * How a release runs the boot-time warp test (arch/x86/kernel/tsc_sync.c; {@link KernelRules#syncCheck}).
 *
 * @param usesTscAdjust    the kernel uses TSC_ADJUST (4.10 on, and the CPU has it): a CPU whose package already has
 *                         an online CPU is not tested but set to the package's TSC_ADJUST, and a warping CPU
 *                         compensates and runs again, {@link #maxRuns()} runs in all
 * @param shortSiblingRuns a run lasts 2 ms instead of 20 for a CPU whose package already has an online CPU
 *                         (loop_timeout(), 3.8 on)
 */
public record SyncCheckRule(boolean usesTscAdjust, boolean shortSiblingRuns) {
    private static final long MS = TimeUnits.PS_PER_MS;

    /** The runs of one CPU's test: 3 with TSC_ADJUST (test_runs), else 1. */
    public int maxRuns() {
        return usesTscAdjust ? 3 : 1;
    }

    /** One run's length: 20 ms, or 2 ms when the CPU's package has another online CPU and the release says so. */
    public long runPs(boolean packageOnline) {
        return shortSiblingRuns && packageOnline ? 2 * MS : 20 * MS;
    }
}
