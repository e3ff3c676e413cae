package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DistributionTest {
    static Stream<Distribution> distributions() {
        return Stream.of(new Distribution.Fixed(7), new Distribution.Exponential(1000),
                new Distribution.Uniform(100, 300), new Distribution.LogNormal(1000, 0.3),
                new Distribution.WithTail(new Distribution.Fixed(50), 0.01, 100_000),
                new Distribution.Fraction(new Distribution.LogNormal(4000, 0.2), 4),
                new Distribution.Sum(java.util.List.of(new Distribution.Exponential(500),
                        new Distribution.WithTail(new Distribution.LogNormal(1000, 0.1), 0.01, 20_000),
                        new Distribution.Uniform(10, 90))));
    }

    @ParameterizedTest
    @MethodSource("distributions")
    void sampleMeanMatchesTheExpectedValueAndSamplesAreNonNegative(Distribution distribution) {
        RandomStream random = new RandomStream(3);
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int i = 0; i < 200_000; i++) {
            stats.addValue(distribution.sample(random));
        }
        assertThat(stats.getMin()).isGreaterThanOrEqualTo(0);
        double standardError = stats.getStandardDeviation() / Math.sqrt(stats.getN());
        assertThat(stats.getMean()).isCloseTo(distribution.expectedValue(),
                org.assertj.core.data.Offset.offset(5 * standardError + 1));
    }

    /** The sample variance lies within 5 standard errors of the analytic one (fast mode's read counts use it). */
    @ParameterizedTest
    @MethodSource("distributions")
    void sampleVarianceMatchesTheVariance(Distribution distribution) {
        RandomStream random = new RandomStream(11);
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int i = 0; i < 400_000; i++) {
            stats.addValue(distribution.sample(random));
        }
        double mean = stats.getMean();
        double fourth = 0;
        for (double x : stats.getValues()) {
            fourth += Math.pow(x - mean, 4);
        }
        fourth /= stats.getN();
        double variance = stats.getVariance();
        // standard error of the sample variance: sqrt((m4 - s^4) / n)
        double standardError = Math.sqrt(Math.max(0, fourth - variance * variance) / stats.getN());
        assertThat(variance).isCloseTo(distribution.variance(),
                org.assertj.core.data.Offset.offset(5 * standardError + 0.1));
    }

    /**
     * The size-biased law has the mean E[X^2] / E[X], and puts on [0, x] the share of the mean that the
     * plain law's samples below x carry (checked at the plain law's quartiles, each within 5 standard errors).
     */
    @ParameterizedTest
    @MethodSource("distributions")
    void sizeBiasedSamplesFollowTheSizeBiasedLaw(Distribution distribution) {
        int n = 400_000;
        RandomStream random = new RandomStream(17);
        double[] plain = new double[n];
        double[] biased = new double[n];
        for (int i = 0; i < n; i++) {
            plain[i] = distribution.sample(random);
            biased[i] = distribution.sizeBiasedSample(random);
        }
        double mean = distribution.expectedValue();
        DescriptiveStatistics stats = new DescriptiveStatistics(biased);
        double expectedMean = (distribution.variance() + mean * mean) / mean;
        assertThat(stats.getMean()).isCloseTo(expectedMean,
                org.assertj.core.data.Offset.offset(5 * stats.getStandardDeviation() / Math.sqrt(n) + 1));
        DescriptiveStatistics plainStats = new DescriptiveStatistics(plain);
        for (double quantile : new double[] {25, 50, 75}) {
            double x = plainStats.getPercentile(quantile);
            double carried = 0;
            for (double v : plain) {
                carried += v <= x ? v : 0;
            }
            double expectedShare = carried / plainStats.getSum();
            double share = java.util.Arrays.stream(biased).filter(v -> v <= x).count() / (double) n;
            double standardError = Math.sqrt(expectedShare * (1 - expectedShare) / n) * 2;
            assertThat(share).as("share at the %s %% point %s", quantile, x)
                    .isCloseTo(expectedShare, org.assertj.core.data.Offset.offset(5 * standardError + 1e-9));
        }
    }

    @Test
    void logNormalMedianIsTheMedian() {
        RandomStream random = new RandomStream(5);
        DescriptiveStatistics stats = new DescriptiveStatistics();
        for (int i = 0; i < 100_001; i++) {
            stats.addValue(new Distribution.LogNormal(12_600, 0.1).sample(random));
        }
        assertThat(stats.getPercentile(50)).isBetween(12_500.0, 12_700.0);
    }

    @Test
    void rejectsImpossibleParameters() {
        assertThatThrownBy(() -> new Distribution.Fixed(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Distribution.Uniform(5, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Distribution.WithTail(new Distribution.Fixed(1), 1.5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
