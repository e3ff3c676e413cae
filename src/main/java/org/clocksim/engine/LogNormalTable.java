package org.clocksim.engine;

/**
 * Draws a log-normal by a tabulated inverse distribution function with exact tails: a stated approximation
 * of {@code median · exp(sigma · Z)}, Z standard normal, that costs one 64-bit draw, two table reads and an
 * interpolation instead of a ziggurat draw and a {@code StrictMath.exp} (docs/MODEL.md, "Randomness and
 * reproducibility").
 *
 * <p>The top 12 bits of a draw pick one of 4096 bins of equal probability; inside one of the interior bins
 * the value is interpolated linearly, by the remaining 52 bits, between the exact quantiles at the bin's
 * edges ({@link NormalQuantiles}), so the distribution function is exact at every edge and, in between,
 * a quantile is off by at most h²/8 · max|Q''| (h = 1/4096): a relative 1.5e-5 at the interior's outermost
 * bins for sigma = 0.1 (0.3 ps at a 20 ns median, below the rounding to whole picoseconds), 2e-4 for
 * sigma = 1, and far less in the body (LogNormalTableTest). In the 16 outermost bins at each end
 * (probability 1/128 together) the normal is drawn exactly from its tail beyond the inner edge
 * ({@link Ziggurat#normalBeyond}) and exponentiated with {@code StrictMath.exp}, so the extremes are the
 * log-normal's own.
 */
final class LogNormalTable {
    private static final long FRACTION_MASK = (1L << (64 - NormalQuantiles.BITS)) - 1;
    private static final double FRACTION_UNIT = 0x1.0p-52;
    private static final int LOW_TAIL = NormalQuantiles.EXACT_BINS;
    private static final int HIGH_TAIL = NormalQuantiles.BINS - NormalQuantiles.EXACT_BINS;
    private static final double HALF = 0.5;

    private final double median;
    private final double sigma;
    /**
     * median · exp(sigma · z) at the interpolated bins' edges (indices LOW_TAIL..HIGH_TAIL), plus half a unit:
     * truncating an interpolated value then rounds it to the nearest whole unit, with no Math.round per draw.
     */
    private final double[] quantiles = new double[NormalQuantiles.BINS + 1];

    LogNormalTable(double median, double sigma) {
        this.median = median;
        this.sigma = sigma;
        for (int i = LOW_TAIL; i <= HIGH_TAIL; i++) {
            quantiles[i] = median * StrictMath.exp(sigma * NormalQuantiles.edge(i)) + HALF;
        }
    }

    /**
     * A draw of median · exp(sigma · Z) rounded to the nearest whole unit (halves up); a value beyond
     * {@code Long.MAX_VALUE} saturates there.
     */
    long sample(RandomStream random) {
        long bits = random.nextLong();
        int bin = (int) (bits >>> (64 - NormalQuantiles.BITS));
        if (bin < LOW_TAIL || bin >= HIGH_TAIL) {
            double beyond = Ziggurat.normalBeyond(random, NormalQuantiles.tailStart());
            return (long) (median * StrictMath.exp(sigma * (bin < LOW_TAIL ? -beyond : beyond)) + HALF);
        }
        return (long) interpolated(bin, (bits & FRACTION_MASK) * FRACTION_UNIT);
    }

    /** The value a draw at probability p returns, for p in the interpolated bins (for tests). */
    double interpolatedQuantile(double p) {
        double position = p * NormalQuantiles.BINS;
        int bin = (int) position;
        if (bin < LOW_TAIL || bin >= HIGH_TAIL) {
            throw new IllegalArgumentException("p " + p + " is in an exact tail");
        }
        return interpolated(bin, position - bin) - HALF;
    }

    private double interpolated(int bin, double fraction) {
        double low = quantiles[bin];
        return low + fraction * (quantiles[bin + 1] - low);
    }
}
