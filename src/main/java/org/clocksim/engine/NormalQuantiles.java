package org.clocksim.engine;

/**
 * The standard normal's quantiles at the edges of {@link #BINS} bins of equal probability, computed once
 * with {@link StrictMath} (the same bits on every JDK), for {@link LogNormalTable}.
 *
 * <p>The distribution function comes from its series, Φ(x) = 1/2 + φ(x) Σ x<sup>2n+1</sup> / (2n+1)!!
 * (Abramowitz and Stegun 26.2.11), which converges for every x and, for |x| below 3, loses less than
 * 1e-13 of relative precision in the lower tail; each quantile is found by Newton's iteration from 0,
 * which converges monotonically because Φ is convex below 0 (the upper half is the mirror image).
 */
final class NormalQuantiles {
    /** Bins of equal probability 2<sup>-12</sup>; a draw picks one with the top 12 bits of a 64-bit draw. */
    static final int BITS = 12;
    static final int BINS = 1 << BITS;
    /** Bins at each end whose values are drawn exactly, from the normal's tail beyond their inner edge. */
    static final int EXACT_BINS = 16;

    private static final double SQRT_2PI = StrictMath.sqrt(2 * StrictMath.PI);
    /** The quantile at i / BINS for EXACT_BINS &lt;= i &lt;= BINS - EXACT_BINS (the interpolated bins' edges). */
    private static final double[] EDGES = edges();

    private NormalQuantiles() {
    }

    /** The quantile at {@code bin / BINS}, for an edge of an interpolated bin. */
    static double edge(int bin) {
        if (bin < EXACT_BINS || bin > BINS - EXACT_BINS) {
            throw new IllegalArgumentException("bin " + bin + " is not an interpolated bin's edge");
        }
        return EDGES[bin];
    }

    /** Where the exact tails begin: the normal beyond this (in absolute value) is drawn exactly. */
    static double tailStart() {
        return -EDGES[EXACT_BINS];
    }

    /** Φ<sup>-1</sup>(p), 0 &lt; p &lt; 1, to about 1e-14 for p between 1e-3 and 1 - 1e-3. */
    static double inverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        if (p > 0.5) {
            return -inverse(1 - p);
        }
        double z = 0;
        for (int i = 0; i < 200; i++) {
            double step = (cdf(z) - p) / density(z);
            z -= step;
            if (Math.abs(step) <= 1e-15 * Math.max(1, Math.abs(z))) {
                break;
            }
        }
        return z;
    }

    /** Φ(x) by the series; accurate for |x| up to about 5. */
    static double cdf(double x) {
        double square = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 1000 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
            term *= square / (2 * n + 1);
            sum += term;
        }
        return 0.5 + density(x) * sum;
    }

    private static double density(double x) {
        return StrictMath.exp(-0.5 * x * x) / SQRT_2PI;
    }

    private static double[] edges() {
        double[] edges = new double[BINS + 1];
        for (int i = EXACT_BINS; i <= BINS / 2; i++) {
            edges[i] = i == BINS / 2 ? 0 : inverse((double) i / BINS);
            edges[BINS - i] = -edges[i];
        }
        return edges;
    }
}
