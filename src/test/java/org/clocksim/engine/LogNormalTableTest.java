package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tabulated log-normal against the exact distribution: its stated bounds (docs/MODEL.md, "Randomness and reproducibility"). */
class LogNormalTableTest {
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    @Test
    void theNormalQuantilesAreExactAndSymmetric() {
        for (double p : new double[] {1e-3, 16.0 / 4096, 0.01, 0.1, 0.3, 0.5, 0.7, 0.975, 0.999}) {
            assertThat(NormalQuantiles.inverse(p)).as("p = %s", p)
                    .isCloseTo(NORMAL.inverseCumulativeProbability(p), within(1e-12));
        }
        for (int bin = NormalQuantiles.EXACT_BINS; bin <= NormalQuantiles.BINS - NormalQuantiles.EXACT_BINS; bin++) {
            assertThat(NormalQuantiles.edge(bin)).isEqualTo(-NormalQuantiles.edge(NormalQuantiles.BINS - bin));
        }
        assertThat(NormalQuantiles.tailStart()).isCloseTo(2.6601, within(1e-4));
    }

    /** Linear interpolation between exact quantiles: off by at most h²/8 max|Q''|, checked mid-bin everywhere. */
    @ParameterizedTest
    @CsvSource({"0.05, 1e-5", "0.1, 2e-5", "0.3, 6e-5", "1.0, 2.5e-4"})
    void everyInterpolatedQuantileIsWithinTheStatedRelativeBound(double sigma, double bound) {
        LogNormalTable table = new LogNormalTable(20_000, sigma);
        double worst = 0;
        for (int bin = NormalQuantiles.EXACT_BINS; bin < NormalQuantiles.BINS - NormalQuantiles.EXACT_BINS; bin++) {
            for (double within : new double[] {0.25, 0.5, 0.75}) {
                double p = (bin + within) / NormalQuantiles.BINS;
                double exact = 20_000 * StrictMath.exp(sigma * NORMAL.inverseCumulativeProbability(p));
                worst = Math.max(worst, Math.abs(table.interpolatedQuantile(p) / exact - 1));
            }
        }
        assertThat(worst).isLessThan(bound).isGreaterThan(bound / 100); // the bound is tight, not vacuous
    }

    /** Draws: the fraction below each exact quantile, the tails included, is that quantile's probability. */
    @Test
    void drawsFollowTheExactDistributionFunctionIntoTheTails() {
        int n = 2_000_000;
        double sigma = 0.1;
        double median = 1e9; // large enough that the rounding to whole units does not matter
        LogNormalTable table = new LogNormalTable(median, sigma);
        RandomStream random = new RandomStream(17);
        double[] draws = new double[n];
        for (int i = 0; i < n; i++) {
            draws[i] = table.sample(random);
        }
        Arrays.sort(draws);
        for (double p : new double[] {1e-5, 1e-4, 1e-3, 0.003, 0.01, 0.1, 0.5, 0.9, 0.99, 0.997, 0.999, 0.9999}) {
            double quantile = median * StrictMath.exp(sigma * NORMAL.inverseCumulativeProbability(p));
            int below = -Arrays.binarySearch(draws, quantile) - 1;
            double spread = Math.sqrt(p * (1 - p) / n);
            assertThat((double) below / n).as("P(X < q(%s))", p).isCloseTo(p, within(5 * spread));
        }
    }

    /** The outer bins are the normal's own tail: their share and their conditional mean. */
    @Test
    void theTailsAreDrawnExactly() {
        double start = NormalQuantiles.tailStart();
        double median = 1e12;
        LogNormalTable table = new LogNormalTable(median, 1);
        RandomStream random = new RandomStream(23);
        int n = 4_000_000;
        long inTails = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double z = StrictMath.log(table.sample(random) / median);
            if (Math.abs(z) > start) {
                inTails++;
                sum += Math.abs(z);
            }
        }
        double share = 2.0 * NormalQuantiles.EXACT_BINS / NormalQuantiles.BINS;
        assertThat((double) inTails / n).isCloseTo(share, within(5 * Math.sqrt(share / n)));
        double tail = 1 - NORMAL.cumulativeProbability(start);
        double mean = NORMAL.density(start) / tail;
        double variance = 1 + start * mean - mean * mean; // of a normal truncated to (start, infinity)
        assertThat(sum / inTails).isCloseTo(mean, within(5 * Math.sqrt(variance / inTails)));
    }

    /** A draw is the tabulated value rounded to the nearest whole unit: a median of 0 gives 0, sigma 0 the median. */
    @Test
    void drawsAreRoundedToWholeUnits() {
        RandomStream random = new RandomStream(29);
        LogNormalTable zero = new LogNormalTable(0, 0.3);
        LogNormalTable fixed = new LogNormalTable(12_600, 0);
        for (int i = 0; i < 10_000; i++) {
            assertThat(zero.sample(random)).isZero();
            assertThat(fixed.sample(random)).isEqualTo(12_600);
        }
    }
}
