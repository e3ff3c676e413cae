package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BinomialTest {
    /** Both methods (skipping below a mean of 12, the normal law above), and the symmetric side. */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of(10L, 0.3), Arguments.of(1_000L, 0.002), Arguments.of(40L, 0.25),
                Arguments.of(100_000L, 0.01), Arguments.of(1_000_000_000L, 1e-6), Arguments.of(50L, 0.9),
                Arguments.of(7_000_000_000L, 0.4));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void meanAndVarianceAreTheBinomials(long n, double p) {
        RandomStream random = new RandomStream(n ^ Double.doubleToLongBits(p));
        SummaryStatistics stats = new SummaryStatistics();
        int draws = 40_000;
        for (int i = 0; i < draws; i++) {
            long k = Binomial.draw(n, p, random);
            assertThat(k).isBetween(0L, n);
            stats.addValue(k);
        }
        double variance = n * p * (1 - p);
        assertThat(stats.getMean()).isCloseTo(n * p,
                org.assertj.core.data.Offset.offset(5 * Math.sqrt(variance / draws)));
        // the sample variance of 40 000 draws is within 5 % of the binomial's
        assertThat(stats.getVariance()).isCloseTo(variance, org.assertj.core.data.Percentage.withPercentage(5));
    }

    @Test
    void smallCountsFollowTheBinomialLawExactly() {
        // B(10, 0.3): P(0) = 0.7^10 = 0.02825, P(3) = 120 0.3^3 0.7^7 = 0.26683
        RandomStream random = new RandomStream(4);
        int draws = 200_000;
        int zeros = 0;
        int threes = 0;
        for (int i = 0; i < draws; i++) {
            long k = Binomial.draw(10, 0.3, random);
            zeros += k == 0 ? 1 : 0;
            threes += k == 3 ? 1 : 0;
        }
        assertThat(zeros / (double) draws).isCloseTo(0.028248, org.assertj.core.data.Offset.offset(0.0025));
        assertThat(threes / (double) draws).isCloseTo(0.266828, org.assertj.core.data.Offset.offset(0.005));
    }

    @Test
    void degenerateProbabilitiesGiveNoneOrAll() {
        RandomStream random = new RandomStream(1);
        assertThat(Binomial.draw(100, 0, random)).isZero();
        assertThat(Binomial.draw(100, 1, random)).isEqualTo(100);
        assertThat(Binomial.draw(0, 0.5, random)).isZero();
    }
}
