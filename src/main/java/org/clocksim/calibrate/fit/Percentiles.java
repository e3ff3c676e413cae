package org.clocksim.calibrate.fit;

import java.util.List;

/**
 * A latency distribution as measured: its percentiles in nanoseconds, non-decreasing.
 *
 * @param p999  the 99.9th percentile
 * @param p9999 the 99.99th percentile (reported; the fit stops at p99.9)
 */
public record Percentiles(double p50, double p75, double p90, double p99, double p999, double p9999) {
    /** The levels, as fractions, in the order of {@link #values()}. */
    public static final List<Double> LEVELS = List.of(0.5, 0.75, 0.9, 0.99, 0.999, 0.9999);
    /** Their names, as in summary.json ({@code p50} ... ) and calibration.json. */
    public static final List<String> NAMES = List.of("p50", "p75", "p90", "p99", "p999", "p9999");

    public Percentiles {
        double[] v = {p50, p75, p90, p99, p999, p9999};
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0) || Double.isInfinite(v[i]) || i > 0 && v[i] < v[i - 1]) {
                throw new IllegalArgumentException("percentiles must be finite, >= 0 and non-decreasing: "
                        + java.util.Arrays.toString(v));
            }
        }
    }

    public List<Double> values() {
        return List.of(p50, p75, p90, p99, p999, p9999);
    }

    /** The percentiles of a sorted sample (nearest rank). */
    public static Percentiles ofSorted(double[] sorted) {
        double[] q = new double[LEVELS.size()];
        for (int i = 0; i < q.length; i++) {
            int k = (int) Math.round(LEVELS.get(i) * (sorted.length - 1));
            q[i] = sorted[Math.min(k, sorted.length - 1)];
        }
        return new Percentiles(q[0], q[1], q[2], q[3], q[4], q[5]);
    }
}
