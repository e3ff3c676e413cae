package org.clocksim.kernel;

import org.clocksim.engine.Require;

/**
 * The tick that advances the kernel's time (kernel/time/tick-sched.c, KERNEL-FACTS.md §2).
 *
 * @param hz             tick rate (100, 250, 300 or 1000)
 * @param timekeepingCpu the CPU whose tick advances time (tick_do_timer_cpu)
 * @param latencyPs      from the tick timer's expiry to the timekeeping update reading the clocksource
 */
public record TickSpec(int hz, int timekeepingCpu, long latencyPs) {
    public TickSpec {
        Require.positive(hz, "hz");
        Require.nonNegative(timekeepingCpu, "timekeepingCpu");
        Require.nonNegative(latencyPs, "tick latencyPs");
    }
}
