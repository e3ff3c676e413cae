package org.clocksim.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A distribution of non-negative integer durations (in the engine's time unit, picoseconds).
 * Sampling allocates nothing; each variant is a small immutable value. Variates come from the
 * project's {@link RandomStream} and transcendentals from {@link StrictMath}, so a sample is the
 * same on every JDK.
 */
public sealed interface Distribution
        permits Distribution.Fixed, Distribution.Exponential, Distribution.Uniform,
                Distribution.LogNormal, Distribution.WithTail, Distribution.Fraction, Distribution.Sum {

    /**
     * The largest sample any distribution returns (2^60 ps, 13 days): a heavy tail or a huge mean is
     * cut there, so that adding a sample to a time (a long of picoseconds, 106 days) cannot overflow.
     */
    long MAX_SAMPLE_PS = 1L << 60;

    /** A sample, at most {@link #MAX_SAMPLE_PS}. */
    long sample(RandomStream random);

    /** {@code value} cut at {@link #MAX_SAMPLE_PS} (rounding a huge double saturates at Long.MAX_VALUE). */
    static long capped(long value) {
        return Math.min(value, MAX_SAMPLE_PS);
    }

    /** The mean of the distribution, used for documentation, analytic checks and fast mode's read counts. */
    double expectedValue();

    /** The variance (of the continuous law; rounding to whole picoseconds adds 1/12 ps^2, neglected). */
    double variance();

    /**
     * A sample of the size-biased law (density {@code x f(x) / E[X]}): the length of the interval that
     * covers a point chosen at random on a long run of intervals drawn from this distribution. Fast mode
     * places a thread's reads around an event with it (the time to the next read is a uniform fraction of
     * such an interval: the renewal process's equilibrium residual life).
     */
    long sizeBiasedSample(RandomStream random);

    record Fixed(long value) implements Distribution {
        public Fixed {
            requireNonNegative(value, "value");
        }

        @Override
        public long sample(RandomStream random) {
            return capped(value);
        }

        @Override
        public long sizeBiasedSample(RandomStream random) {
            return sample(random);
        }

        @Override
        public double expectedValue() {
            return value;
        }

        @Override
        public double variance() {
            return 0;
        }
    }

    record Exponential(long mean) implements Distribution {
        public Exponential {
            requireNonNegative(mean, "mean");
        }

        @Override
        public long sample(RandomStream random) {
            return capped(Math.round(mean * random.nextExponential()));
        }

        /** Size-biased, an exponential is a gamma of shape 2: the sum of two exponentials. */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            return capped(Math.round(mean * (random.nextExponential() + random.nextExponential())));
        }

        @Override
        public double expectedValue() {
            return mean;
        }

        @Override
        public double variance() {
            return (double) mean * mean;
        }
    }

    record Uniform(long min, long max) implements Distribution {
        public Uniform {
            requireNonNegative(min, "min");
            if (max < min) {
                throw new IllegalArgumentException("max " + max + " < min " + min);
            }
        }

        @Override
        public long sample(RandomStream random) {
            return capped(min == max ? min : random.nextLong(min, max + 1));
        }

        /** Size-biased, the density grows as x on [min, max]: the inverse of its distribution function. */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            double low = min;
            double high = max;
            return capped(Math.round(StrictMath.sqrt(low * low + random.nextDouble() * (high * high - low * low))));
        }

        @Override
        public double expectedValue() {
            return (min + (double) max) / 2;
        }

        @Override
        public double variance() {
            double width = max - min + 1.0;
            return (width * width - 1) / 12;
        }
    }

    /**
     * Log-normal body: median and the standard deviation of the underlying normal. Drawn from a tabulated
     * inverse distribution function with exact tails ({@link LogNormalTable}: a stated approximation,
     * quantiles within a relative 2e-5 for sigma up to 0.1, 2.5e-4 up to 1), built at the first draw. A value
     * like a record (equality, hash and text of its two components); a class only to hold that table.
     */
    final class LogNormal implements Distribution {
        private final long median;
        private final double sigma;
        /** The mean, computed once: fast mode asks for it at every stretch. */
        private final double mean;
        /** Built at the first draw; not volatile: its fields are final, so a thread sees it whole or builds its own. */
        private LogNormalTable table;
        /** The size-biased law's table, built at its first draw (fast mode's residual lives and migrated calls). */
        private LogNormalTable sizeBiasedTable;

        public LogNormal(long median, double sigma) {
            requireNonNegative(median, "median");
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
            }
            this.median = median;
            this.sigma = sigma;
            this.mean = median * StrictMath.exp(sigma * sigma / 2);
        }

        public long median() {
            return median;
        }

        public double sigma() {
            return sigma;
        }

        @Override
        public long sample(RandomStream random) {
            LogNormalTable drawn = table;
            if (drawn == null) {
                drawn = new LogNormalTable(median, sigma);
                table = drawn;
            }
            return capped(drawn.sample(random));
        }

        /** Size-biased, a log-normal is the same log-normal with its median times exp(sigma^2): drawn from its own table. */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            LogNormalTable drawn = sizeBiasedTable;
            if (drawn == null) {
                drawn = new LogNormalTable(median * StrictMath.exp(sigma * sigma), sigma);
                sizeBiasedTable = drawn;
            }
            return capped(drawn.sample(random));
        }

        @Override
        public double expectedValue() {
            return mean;
        }

        @Override
        public double variance() {
            double s2 = sigma * sigma;
            return (double) median * median * StrictMath.exp(s2) * StrictMath.expm1(s2);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof LogNormal that && median == that.median
                    && Double.compare(sigma, that.sigma) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(median) + Double.hashCode(sigma);
        }

        @Override
        public String toString() {
            return "LogNormal[median=" + median + ", sigma=" + sigma + "]";
        }
    }

    /**
     * A body plus, with the given probability, an extra exponential delay: rare slow reads
     * (an interrupt, a cache miss on the data page) that make the tail of a latency distribution.
     */
    record WithTail(Distribution body, double probability, long tailMean) implements Distribution {
        public WithTail {
            if (body instanceof WithTail) {
                throw new IllegalArgumentException("a tail cannot be added twice");
            }
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability must be in [0, 1], got " + probability);
            }
            requireNonNegative(tailMean, "tailMean");
        }

        @Override
        public long sample(RandomStream random) {
            return capped(body.sample(random) + slowDelay(random));
        }

        /** The extra delay of a slow read, with the tail's probability; else 0. */
        private long slowDelay(RandomStream random) {
            return random.nextDouble() < probability ? capped(Math.round(tailMean * random.nextExponential())) : 0;
        }

        /**
         * The sum of the body and the tail, size-biased: with the body's share of the mean the body is
         * size-biased and the tail drawn as it is, otherwise the body is drawn as it is and the tail is
         * present and size-biased (a gamma of shape 2).
         */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            if (random.nextDouble() * expectedValue() < body.expectedValue()) {
                return capped(body.sizeBiasedSample(random) + slowDelay(random));
            }
            return capped(body.sample(random) + new Exponential(tailMean).sizeBiasedSample(random));
        }

        @Override
        public double expectedValue() {
            return body.expectedValue() + probability * tailMean;
        }

        @Override
        public double variance() {
            // the tail is p x (an exponential): its variance is E[X^2] - E[X]^2 = p 2m^2 - (p m)^2
            double m = tailMean;
            return body.variance() + probability * 2 * m * m - probability * probability * m * m;
        }
    }

    /**
     * A draw of {@code whole} divided by {@code divisor}, rounded down: the share of a call's latency one of
     * its steps takes (the vDSO entry before a fallback: a quarter). Not a config type: the model builds it.
     */
    record Fraction(Distribution whole, int divisor) implements Distribution {
        public Fraction {
            if (divisor < 1) {
                throw new IllegalArgumentException("divisor must be >= 1, got " + divisor);
            }
        }

        @Override
        public long sample(RandomStream random) {
            return whole.sample(random) / divisor;
        }

        /** Size-biasing commutes with scaling; the rounding down after it is off by less than one picosecond. */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            return whole.sizeBiasedSample(random) / divisor;
        }

        @Override
        public double expectedValue() {
            return whole.expectedValue() / divisor - (divisor - 1) / (2.0 * divisor);
        }

        @Override
        public double variance() {
            return whole.variance() / ((double) divisor * divisor) + (divisor * (double) divisor - 1) / (12.0 * divisor * divisor);
        }
    }

    /** The sum of independent draws of its parts: a call made of several steps. Not a config type: the model builds it. */
    final class Sum implements Distribution {
        private final Distribution[] parts;
        /** The parts' means, and the sum's mean and variance, computed once: fast mode draws size-biased sums often. */
        private final double[] partMeans;
        private final double mean;
        private final double variance;

        public Sum(List<Distribution> parts) {
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("a sum needs a part");
            }
            this.parts = parts.toArray(Distribution[]::new);
            this.partMeans = new double[this.parts.length];
            double meanSum = 0;
            double varianceSum = 0;
            for (int i = 0; i < this.parts.length; i++) { // independent parts: means and variances add up
                partMeans[i] = this.parts[i].expectedValue();
                meanSum += partMeans[i];
                varianceSum += this.parts[i].variance();
            }
            this.mean = meanSum;
            this.variance = varianceSum;
        }

        public List<Distribution> parts() {
            return List.of(parts);
        }

        @Override
        public long sample(RandomStream random) {
            long sum = 0;
            for (Distribution part : parts) {
                sum += part.sample(random);
            }
            return capped(sum);
        }

        /** One part, chosen with its share of the mean, size-biased; the others drawn as they are. */
        @Override
        public long sizeBiasedSample(RandomStream random) {
            int biased = biasedPart(random);
            long sum = 0;
            for (int i = 0; i < parts.length; i++) {
                sum += i == biased ? parts[i].sizeBiasedSample(random) : parts[i].sample(random);
            }
            return capped(sum);
        }

        /**
         * The parts of one draw, each apart, in order, into {@code drawn}: of a size-biased draw ({@link
         * #sizeBiasedSample}, the same draws) or of a plain one ({@link #sample}).
         */
        public void sampleParts(RandomStream random, boolean sizeBiased, long[] drawn) {
            int biased = sizeBiased ? biasedPart(random) : -1;
            for (int i = 0; i < parts.length; i++) {
                drawn[i] = i == biased ? parts[i].sizeBiasedSample(random) : parts[i].sample(random);
            }
        }

        /** The part a size-biased draw biases: each with its share of the mean. */
        private int biasedPart(RandomStream random) {
            double pick = random.nextDouble() * mean;
            for (int i = 0; i < parts.length - 1; i++) {
                pick -= partMeans[i];
                if (pick < 0) {
                    return i;
                }
            }
            return parts.length - 1;
        }

        @Override
        public double expectedValue() {
            return mean;
        }

        @Override
        public double variance() {
            return variance;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Sum sum && Arrays.equals(parts, sum.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return "Sum[parts=" + parts() + "]";
        }
    }

    private static void requireNonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
