package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clocksim.engine.RandomStream;
import org.clocksim.source.SourceId;
import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final int CAP = 1_000;
    private static final int TOTAL = 100_000;

    /** Offers events at times 0, 1, … TOTAL-1 ps and returns the kept ones. */
    private static List<BackwardEvent> sample(long seed, int cap, int total) {
        EventLog log = new EventLog(cap, new RandomStream(seed));
        for (int i = 0; i < total; i++) {
            if (log.count()) {
                log.keep(new BackwardEvent(i, 0, 0, SourceId.RDTSC, EventKind.THREAD, 0, 0, 1, Cause.CLOCKSOURCE_SWITCH));
            }
        }
        assertThat(log.total()).isEqualTo(total);
        return log.events();
    }

    @Test
    void keepsEveryEventUpToTheCap() {
        assertThat(sample(1, CAP, 600)).extracting(BackwardEvent::timePs).hasSize(600)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.range(0, 600).boxed().toList());
    }

    @Test
    void beyondTheCapKeepsAUniformSampleOfTheWholeRunNotItsStart() {
        List<BackwardEvent> kept = sample(42, CAP, TOTAL);
        assertThat(kept).hasSize(CAP);
        assertThat(kept).extracting(BackwardEvent::timePs).doesNotHaveDuplicates();
        int[] decile = new int[10];
        kept.forEach(e -> decile[(int) (e.timePs() * 10 / TOTAL)]++);
        // each tenth of the run holds about 100 of the 1000 kept events (binomial sd 9.5; 5 sd either side)
        assertThat(java.util.Arrays.stream(decile).boxed().toList()).allSatisfy(n -> assertThat(n).isBetween(52, 148));
    }

    @Test
    void theSameSeedKeepsTheSameEventsAndAnotherSeedOthers() {
        assertThat(sample(7, CAP, TOTAL)).isEqualTo(sample(7, CAP, TOTAL));
        assertThat(sample(7, CAP, TOTAL)).isNotEqualTo(sample(8, CAP, TOTAL));
    }

    @Test
    void aCapOfZeroKeepsNothingAndCountsAll() {
        assertThat(sample(3, 0, 500)).isEmpty();
    }
}
