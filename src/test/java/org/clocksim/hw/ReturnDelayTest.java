package org.clocksim.hw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Which reads of a platform timer return late: first, first + every, ... counted from 1. */
class ReturnDelayTest {
    private static final long MS = 1_000_000_000L;

    @Test
    void propolisScriptDelaysReadsOneFourSeven() {
        ReturnDelay delay = new ReturnDelay(MS, 3, 1);
        assertThat(LongStream.rangeClosed(1, 9).map(delay::afterReadPs).toArray())
                .containsExactly(MS, 0, 0, MS, 0, 0, MS, 0, 0);
    }

    @Test
    void readsBeforeTheFirstAreOnTime() {
        ReturnDelay delay = new ReturnDelay(MS, 2, 4);
        assertThat(LongStream.rangeClosed(1, 8).map(delay::afterReadPs).toArray()).containsExactly(0, 0, 0, MS, 0, MS, 0, MS);
    }

    @Test
    void noneDelaysNothing() {
        assertThat(LongStream.rangeClosed(1, 100).map(ReturnDelay.NONE::afterReadPs).toArray()).containsOnly(0L);
    }

    @Test
    void aPatternNeedsAPositivePeriodAndFirstRead() {
        assertThatThrownBy(() -> new ReturnDelay(MS, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReturnDelay(MS, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReturnDelay(-1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
