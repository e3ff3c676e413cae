package org.clocksim.observe;

/** Backward events among a number of comparisons. */
public record BackwardStats(long comparisons, long backwardEvents, double maxBackwardNs) {
    public double perMillion() {
        return comparisons == 0 ? 0 : backwardEvents * 1e6 / comparisons;
    }
}
