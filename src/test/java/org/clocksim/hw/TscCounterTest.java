package org.clocksim.hw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TscCounterTest {
    private static final double GHZ_2_4 = 2.4e9 / 1e12;

    @Test
    void readsOffsetPlusRateTimesTime() {
        TscCounter counter = new TscCounter(4800, GHZ_2_4);
        assertThat(counter.read(0)).isEqualTo(4800);
        assertThat(counter.read(1_000_000)).isEqualTo(4800 + 2400); // 1 us at 2.4 GHz
    }

    @Test
    void aRateChangeKeepsTheCounterContinuousAndChangesItsSlope() {
        TscCounter counter = new TscCounter(0, GHZ_2_4);
        long before = counter.read(1_000_000_000);
        counter.setRate(1_000_000_000, GHZ_2_4 * 2);
        assertThat(counter.read(1_000_000_000)).isEqualTo(before);
        assertThat(counter.read(1_001_000_000) - before).isEqualTo(4800);
    }

    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void neverDecreasesAcrossRandomReAnchorings(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TscCounter counter = new TscCounter(random.nextDouble(-1e9, 1e9), GHZ_2_4);
        long time = 0;
        long last = counter.read(0);
        for (int i = 0; i < 2_000; i++) {
            time += random.nextLong(1, 10_000_000);
            if (random.nextInt(4) == 0) {
                counter.setRate(time, GHZ_2_4 * (1 + random.nextDouble(-500e-6, 500e-6)));
            }
            long value = counter.read(time);
            assertThat(value).isGreaterThanOrEqualTo(last);
            last = value;
        }
    }
}
