package org.clocksim.source;

import org.clocksim.engine.Distribution;

/**
 * What a call takes when nothing disturbs it (no retry, no fallback, no cache miss on a fresh data
 * page, no migration): one draw of {@code latency}, cut into steps of whole picoseconds that add up to
 * the draw rounded down to a multiple of {@code granule} (the vDSO's four quarter-steps: 4). Fast mode
 * aggregates only such calls.
 */
public record SteadyCall(Distribution latency, int granule) {
    public SteadyCall {
        if (granule < 1) {
            throw new IllegalArgumentException("granule must be >= 1, got " + granule);
        }
    }

    /** The duration of a call whose latency draw was {@code latencyPs}. */
    public long duration(long latencyPs) {
        return latencyPs - latencyPs % granule;
    }
}
