package org.clocksim.kernel;

/**
 * When the kernel compares each CPU's TSC_ADJUST with the value it set and restores it
 * (tsc_verify_tsc_adjust(), arch/x86/kernel/tsc_sync.c; {@link KernelRules#tscAdjustRecheck}).
 *
 * @param onIdle  a CPU entering idle checks, at most once a second (4.10 on)
 * @param timerPs the period of the timer that checks one online CPU after another (10 minutes, 5.16 on); 0: none
 */
public record TscAdjustRecheck(boolean onIdle, long timerPs) {
    /** Before 4.10, or without TSC_ADJUST: never. */
    public static final TscAdjustRecheck NONE = new TscAdjustRecheck(false, 0);

    public boolean any() {
        return onIdle || timerPs > 0;
    }
}
