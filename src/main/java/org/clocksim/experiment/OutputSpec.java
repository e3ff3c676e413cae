package org.clocksim.experiment;

import org.clocksim.engine.Require;

/**
 * What a run records beyond counts.
 *
 * @param maxBackwardEvents most backward events kept row by row, per source (all are counted)
 * @param skewSamples       how many times over the run each core's offset is sampled
 * @param traceThread       the thread the read-trace chart shows, or {@link #AUTO_TRACE_THREAD}:
 *                          the one with the most backward events
 */
public record OutputSpec(int maxBackwardEvents, int skewSamples, int traceThread) {
    public static final int AUTO_TRACE_THREAD = -1;

    public OutputSpec {
        Require.nonNegative(maxBackwardEvents, "maxBackwardEvents");
        if (skewSamples < 2) {
            throw new IllegalArgumentException("skewSamples must be >= 2, got " + skewSamples);
        }
    }
}
