package org.clocksim;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Two-sided confidence intervals for the tests that compare simulation with closed forms. */
public final class Ci {
    /** The two-sided 99 % normal quantile, 2.5758. */
    public static final double Z99 = new NormalDistribution().inverseCumulativeProbability(0.995);

    private Ci() {
    }

    /** An interval, with what it was computed from (for assertion messages). */
    public record Interval(double low, double high, String what) {
        public boolean contains(double value) {
            return value >= low && value <= high;
        }

        @Override
        public String toString() {
            return what + " 99 % CI [" + low + ", " + high + "]";
        }
    }

    /**
     * The 99 % interval of a binomial proportion around the predicted {@code p}: where the
     * observed fraction of {@code n} trials falls 99 % of the time (normal approximation, fine for
     * n·p·(1 − p) in the hundreds and more).
     */
    public static Interval proportion(double p, long n) {
        double half = Z99 * Math.sqrt(p * (1 - p) / n);
        return new Interval(p - half, p + half, "proportion " + p + " of " + n);
    }

    /** The 99 % interval of the mean of a sample (Student t; the CLT for large samples). */
    public static Interval mean(double[] sample) {
        SummaryStatistics stats = stats(sample);
        double t = new TDistribution(sample.length - 1).inverseCumulativeProbability(0.995);
        double half = t * stats.getStandardDeviation() / Math.sqrt(sample.length);
        return new Interval(stats.getMean() - half, stats.getMean() + half, "mean of " + sample.length);
    }

    /**
     * The 99 % interval of the difference of two means (Welch's unequal-variance t, with the
     * Welch–Satterthwaite degrees of freedom). Equal samples give [0, 0].
     */
    public static Interval difference(double[] a, double[] b) {
        SummaryStatistics x = stats(a);
        SummaryStatistics y = stats(b);
        double va = x.getVariance() / a.length;
        double vb = y.getVariance() / b.length;
        double diff = x.getMean() - y.getMean();
        if (va + vb == 0) {
            return new Interval(diff, diff, "difference of means");
        }
        double df = (va + vb) * (va + vb)
                / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        double half = new TDistribution(df).inverseCumulativeProbability(0.995) * Math.sqrt(va + vb);
        return new Interval(diff - half, diff + half, "difference of means " + Arrays.toString(new double[] {
                x.getMean(), y.getMean()}));
    }

    private static SummaryStatistics stats(double[] sample) {
        if (sample.length < 2) {
            throw new IllegalArgumentException("need at least two values");
        }
        SummaryStatistics stats = new SummaryStatistics();
        for (double v : sample) {
            stats.addValue(v);
        }
        return stats;
    }
}
