package org.clocksim.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.stream.Stream;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The fit recovers known distributions from seeded samples, and its own samples match the percentiles it was fitted to. */
class LatencyFitterTest {
    private static final int SAMPLES = 400_000;

    private static Percentiles percentilesOf(Distribution distribution, long seed) {
        RandomStream random = new RandomStream(seed);
        double[] ns = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            ns[i] = distribution.sample(random) / 1000.0;
        }
        Arrays.sort(ns);
        return Percentiles.ofSorted(ns);
    }

    @Test
    void recoversABodyAndATail() {
        Distribution truth = new Distribution.WithTail(new Distribution.LogNormal(20_000, 0.1), 0.02, 300_000);
        LatencyFit fit = LatencyFitter.fit(percentilesOf(truth, 7));
        assertThat(fit.medianNs()).isCloseTo(20, within(20 * 0.03));
        assertThat(fit.sigma()).isCloseTo(0.1, within(0.1 * 0.2));
        assertThat(fit.tailProbability()).isCloseTo(0.02, within(0.02 * 0.3));
        assertThat(fit.tailMeanNs()).isCloseTo(300, within(300 * 0.3));
    }

    @Test
    void aPureLogNormalGetsNoTailWorthSpeakingOf() {
        Distribution truth = new Distribution.LogNormal(120_000, 0.05);
        LatencyFit fit = LatencyFitter.fit(percentilesOf(truth, 11));
        assertThat(fit.medianNs()).isCloseTo(120, within(120 * 0.01));
        assertThat(fit.sigma()).isCloseTo(0.05, within(0.05 * 0.15));
        assertThat(fit.tailProbability()).isLessThan(0.002);
    }

    /** Measured shapes of the kinds the probe sees (ns): narrow bodies, tails an order of magnitude out. */
    static Stream<Arguments> measuredShapes() {
        return Stream.of(
                Arguments.of("rdtsc", new Percentiles(7.7, 8.5, 9.2, 10.0, 50.0, 4118)),
                Arguments.of("vdso", new Percentiles(18.5, 18.5, 19.2, 20.0, 143, 5460)),
                Arguments.of("syscall", new Percentiles(120, 121, 124, 145, 4864, 7000)),
                Arguments.of("vsyscall", new Percentiles(507, 508, 509, 1632, 8001, 42000)),
                Arguments.of("wide", new Percentiles(30, 36, 45, 80, 300, 2000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("measuredShapes")
    void samplesOfTheFitMatchTheMeasuredPercentilesWithinTenPercentUpToP99(String name, Percentiles measured) {
        LatencyFit fit = LatencyFitter.fit(measured);
        Percentiles simulated = percentilesOf(fit.distribution(), 3);
        assertThat(simulated.p50()).as("p50").isCloseTo(measured.p50(), within(measured.p50() * 0.1));
        assertThat(simulated.p90()).as("p90").isCloseTo(measured.p90(), within(measured.p90() * 0.1));
        assertThat(simulated.p99()).as("p99").isCloseTo(measured.p99(), within(measured.p99() * 0.1));
    }

    @Test
    void aFlatDistributionIsAFixedBody() {
        LatencyFit fit = LatencyFitter.fit(new Percentiles(2.3, 2.3, 2.3, 2.3, 2.3, 2.3));
        assertThat(fit.sigma()).isZero();
        assertThat(fit.hasTail()).isFalse();
        assertThat(fit.toYaml()).isEqualTo("{type: lognormal, median: 2300ps, sigma: 0.0000}");
    }

    @Test
    void aZeroMedianIsRaisedToTheSmallestRead() {
        LatencyFit fit = LatencyFitter.fit(new Percentiles(0, 0, 0, 0.5, 1, 1));
        assertThat(fit.medianNs()).isEqualTo(LatencyFit.MIN_MEDIAN_NS);
        assertThat(fit.distribution().sample(new RandomStream(1))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void theTailProbabilityIsCapped() {
        LatencyFit fit = LatencyFitter.fit(new Percentiles(10, 10, 10, 100, 101, 200));
        assertThat(fit.tailProbability()).isLessThanOrEqualTo(LatencyFitter.MAX_TAIL_PROBABILITY);
    }
}
