package org.clocksim.observe;

/** Mean and largest absolute error of readings against true time. */
final class ErrorAccumulator {
    private double sumNs;
    private double maxAbsNs;
    private long count;

    void add(double errorNs) {
        sumNs += errorNs;
        maxAbsNs = Math.max(maxAbsNs, Math.abs(errorNs));
        count++;
    }

    ErrorStats stats() {
        return new ErrorStats(count == 0 ? 0 : sumNs / count, maxAbsNs);
    }
}
