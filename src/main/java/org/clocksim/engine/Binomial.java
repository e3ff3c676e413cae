package org.clocksim.engine;

/**
 * Draws from the binomial distribution B(n, p), for fast mode's multinomial histogram counts. When the
 * expected count of the rarer outcome is small (< {@link #EXACT_BELOW}) the draw is exact: the gaps
 * between successes are geometric, so the successes are counted by skipping from one to the next
 * (Devroye, Non-Uniform Random Variate Generation, X.4.3); otherwise it is the normal approximation with
 * the binomial's mean and variance, rounded and kept in [0, n] (its error in each count is below one
 * standard deviation's 1/sqrt(n p (1 - p)), under 0.3 at the threshold).
 */
public final class Binomial {
    static final double EXACT_BELOW = 12;

    private Binomial() {
    }

    public static long draw(long n, double p, RandomStream random) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - draw(n, 1 - p, random);
        }
        double mean = n * p;
        if (mean < EXACT_BELOW) {
            return bySkipping(n, p, random);
        }
        long k = Math.round(mean + StrictMath.sqrt(mean * (1 - p)) * random.nextGaussian());
        return Math.max(0, Math.min(n, k));
    }

    /** Successes among n trials, skipping the geometric runs of failures between them. */
    private static long bySkipping(long n, double p, RandomStream random) {
        double logFail = StrictMath.log1p(-p);
        long successes = 0;
        long position = 0;
        while (true) {
            double u = 1 - random.nextDouble(); // in (0, 1]
            position += (long) StrictMath.floor(StrictMath.log(u) / logFail) + 1;
            if (position > n) {
                return successes;
            }
            successes++;
        }
    }
}
