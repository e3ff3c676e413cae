package org.clocksim.kernel;

/**
 * The release's rules for the timekeeper (kernel/time/timekeeping.c), from {@link KernelRules#timekeeping}.
 *
 * @param frequencyAtOnce     an adjtimex frequency change runs timekeeping_advance(TK_ADV_FREQ) at once (4.19 on);
 *                            otherwise it waits for the next tick
 * @param shortTickReturns    a tick with less than one interval to accumulate does nothing (3.6 on); otherwise it
 *                            steers mult and rewrites the vDSO page anyway
 * @param coarseAtAccumulation the coarse clocks read coarse_nsec, saved when a tick accumulates (6.15 on);
 *                            otherwise the live xtime_nsec
 */
public record TimekeepingRules(boolean frequencyAtOnce, boolean shortTickReturns, boolean coarseAtAccumulation) {
}
