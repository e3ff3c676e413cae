package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * A write of the data page among a call's steps, as KernelClockSource takes them: syscall 200 ps (in 100, out
 * 100), the clocksource's read 1 000 (two halves of 500), the write 100 long.
 */
class TickCrossingTest {
    private static final long PUBLISH = 100;

    private static TickCrossing drawn(Distribution user) {
        List<Distribution> parts = new ArrayList<>(List.of(new Distribution.Fixed(200), new Distribution.Fixed(1_000)));
        if (user != null) {
            parts.add(new Distribution.Fraction(user, 4));
        }
        TickCrossing crossing = new TickCrossing(null, new Distribution.Sum(parts));
        crossing.draw(new RandomStreams(1, 0).stream(org.clocksim.engine.StreamName.LATENCY.of(0, 0)));
        return crossing;
    }

    @Test
    void aWriteBetweenTheSequenceReadAndItsCheckIsARetry() {
        TickCrossing crossing = drawn(null);
        // the sequence is read at 100, checked at 1 100: a write at 600 is seen, the read starts again at 1 100
        assertThat(crossing.delayPs(600, PUBLISH)).isEqualTo(1_000);
        assertThat(crossing.retried()).isTrue();
        // a write at 1 050 is still under way at the check (until 1 150): the read again waits for its end
        assertThat(crossing.delayPs(1_050, PUBLISH)).isEqualTo(50 + 1_000);
    }

    @Test
    void aWriteUnderWayAtTheSequenceReadIsAWait() {
        TickCrossing crossing = drawn(null);
        assertThat(crossing.delayPs(40, PUBLISH)).isEqualTo(40);
        assertThat(crossing.retried()).isFalse();
        assertThat(crossing.delayPs(-60, PUBLISH)).as("begun before the call, ends at 40: over by its first look")
                .isZero();
    }

    @Test
    void aWriteOutsideTheSequencesWindowChangesNothing() {
        TickCrossing crossing = drawn(null);
        assertThat(crossing.delayPs(100, PUBLISH)).as("at the sequence read itself: odd, so it waits").isEqualTo(100);
        assertThat(crossing.delayPs(1_150, PUBLISH)).isZero();
        assertThat(crossing.retried()).isFalse();
    }

    /** A vDSO call falling back first looks at the sequence a quarter of its latency in (40 of 160). */
    @Test
    void aFallingBackCallWaitsAtItsFirstLook() {
        TickCrossing crossing = drawn(new Distribution.Fixed(160));
        assertThat(crossing.delayPs(0, PUBLISH)).isEqualTo(60);
        assertThat(crossing.retried()).isFalse();
    }

    /** The call a point falls in is drawn size-biased: its mean is E[D^2]/E[D] (here, with fixed steps, D itself). */
    @Test
    void fixedStepsGiveTheSameDurationEitherWay() {
        TickCrossing crossing = drawn(new Distribution.Fixed(160));
        RandomStream random = new RandomStreams(2, 0).stream(org.clocksim.engine.StreamName.LATENCY.of(0, 1));
        assertThat(crossing.drawStraddling(random)).isEqualTo(crossing.draw(random)).isEqualTo(40 + 200 + 1_000);
    }
}
