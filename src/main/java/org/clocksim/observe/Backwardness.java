package org.clocksim.observe;

/** Counts comparisons and the backward ones among them. */
final class Backwardness {
    private long comparisons;
    private long backwardEvents;
    private double maxBackwardNs;

    void compared() {
        comparisons++;
    }

    /** {@code n} comparisons, none backward (fast mode's aggregated reads). */
    void compared(long n) {
        comparisons += n;
    }

    void backward(double magnitudeNs) {
        backwardEvents++;
        maxBackwardNs = Math.max(maxBackwardNs, magnitudeNs);
    }

    long backwardEvents() {
        return backwardEvents;
    }

    double maxBackwardNs() {
        return maxBackwardNs;
    }

    BackwardStats stats() {
        return new BackwardStats(comparisons, backwardEvents, maxBackwardNs);
    }
}
