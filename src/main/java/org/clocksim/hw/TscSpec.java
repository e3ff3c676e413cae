package org.clocksim.hw;

import java.util.List;
import org.clocksim.engine.Require;

/**
 * How the machine's time stamp counters behave, as configured.
 *
 * @param frequencyHz          nominal TSC frequency
 * @param socketOffsetPs       counter offset of each socket from true time, as a time at nominal rate
 * @param coreOffsetStdDevPs   standard deviation of an extra, per-core normal offset
 * @param driftPpm             rate error common to every core (the board's reference clock)
 * @param socketDriftPpm       extra rate error of each socket (boards with separate clocks)
 * @param wanderPpmPerSqrtS    random-walk wander of each socket's rate, ppm per square root of a second
 * @param wanderIntervalPs     how often the wander re-anchors the counters
 * @param invariant            constant_tsc and nonstop_tsc: the rate never follows P-states
 * @param tscAdjust            the IA32_TSC_ADJUST MSR exists (the boot check can compensate offsets)
 * @param pstates              the core clock over time, for a non-invariant TSC
 */
public record TscSpec(double frequencyHz, List<Long> socketOffsetPs, long coreOffsetStdDevPs,
                      double driftPpm, List<Double> socketDriftPpm, double wanderPpmPerSqrtS,
                      long wanderIntervalPs, boolean invariant, boolean tscAdjust, PStateSpec pstates) {
    public TscSpec {
        Require.positiveFinite(frequencyHz, "frequencyHz");
        Require.nonNegative(coreOffsetStdDevPs, "coreOffsetStdDevPs");
        Require.positive(wanderIntervalPs, "wanderIntervalPs");
        socketOffsetPs = List.copyOf(socketOffsetPs);
        socketDriftPpm = List.copyOf(socketDriftPpm);
    }
}
