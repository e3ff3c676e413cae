package org.clocksim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class IntervalTest {
    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    private static List<Double> normal(SplittableRandom random, int n) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values.add(100 + 15 * random.nextGaussian());
        }
        return values;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theIntervalContainsTheMeanAndShrinksWithMoreReplications(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Interval few = Interval.of(normal(random, 4), 0.95);
        Interval many = Interval.of(normal(random, 400), 0.95);
        assertThat(few.ciLow()).isLessThanOrEqualTo(few.mean());
        assertThat(few.ciHigh()).isGreaterThanOrEqualTo(few.mean());
        assertThat(many.ciHigh() - many.ciLow()).isLessThan(few.ciHigh() - few.ciLow());
        assertThat(many.n()).isEqualTo(400);
    }

    @Test
    void coversTheTrueMeanAtAboutTheConfidenceLevel() {
        SplittableRandom random = new SplittableRandom(99);
        int covered = 0;
        int trials = 2_000;
        for (int i = 0; i < trials; i++) {
            Interval interval = Interval.of(normal(random, 5), 0.9);
            if (interval.ciLow() <= 100 && 100 <= interval.ciHigh()) {
                covered++;
            }
        }
        // 90 % nominal; binomial standard error ~0.7 %
        assertThat(covered / (double) trials).isCloseTo(0.9, within(0.03));
    }

    @Test
    void oneReplicationIsItsOwnInterval() {
        Interval one = Interval.of(List.of(7.0), 0.95);
        assertThat(List.of(one.mean(), one.ciLow(), one.ciHigh())).containsOnly(7.0);
    }

    @Test
    void theStudentTQuantileIsUsed() {
        // two values 0 and 2: mean 1, sd sqrt(2), t(1, 0.975) = 12.706
        Interval interval = Interval.of(List.of(0.0, 2.0), 0.95);
        assertThat(interval.ciHigh() - interval.mean()).isCloseTo(12.706 * Math.sqrt(2) / Math.sqrt(2), within(1e-3));
    }
}
