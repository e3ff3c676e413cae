package org.clocksim.observe;

/** Mean and largest absolute error of readings against true time. */
final class ErrorAccumulator {
    private double sumNs;
    private double maxAbsNs;
    private long count;

    void add(double errorNs) {
        sumNs += errorNs;
        double absNs = Math.abs(errorNs);
        if (absNs > maxAbsNs) { // a rarely taken branch, not Math.max's NaN-aware chain from one read to the next
            maxAbsNs = absNs;
        }
        count++;
    }

    /**
     * {@code n} readings whose mean error is {@code meanErrorNs}, none beyond the largest already seen
     * (fast mode's aggregated reads: the error is affine between the exact reads around them).
     */
    void addMany(long n, double meanErrorNs) {
        sumNs += n * meanErrorNs;
        count += n;
    }

    ErrorStats stats() {
        return new ErrorStats(count == 0 ? 0 : sumNs / count, maxAbsNs);
    }
}
