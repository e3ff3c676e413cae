package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceWindowTest {
    private static void feed(TraceWindow window, int from, int to, int backwardAt) {
        for (int i = from; i < to; i++) {
            window.add(i * 1000L, i, i % 4, i == backwardAt, i == backwardAt, i == backwardAt ? 7.5 : 0,
                    i == backwardAt ? 3 : -1);
        }
    }

    @Test
    void keepsTheReadsBeforeAndAfterTheFirstBackwardEvent() {
        TraceWindow window = new TraceWindow();
        feed(window, 0, 1000, 500);
        List<TracedRead> reads = window.reads();
        assertThat(reads).hasSize(TraceWindow.BEFORE + 1 + TraceWindow.AFTER);
        assertThat(reads.get(0).timePs()).isEqualTo((500 - TraceWindow.BEFORE) * 1000L);
        assertThat(reads.get(TraceWindow.BEFORE).backward()).isTrue();
        assertThat(reads.get(TraceWindow.BEFORE).migrated()).isTrue();
        assertThat(reads.stream().filter(TracedRead::backward)).hasSize(1);
        assertThat(reads.get(TraceWindow.BEFORE).handedBackNs()).isEqualTo(7.5);
        assertThat(reads.get(TraceWindow.BEFORE).handedBy()).isEqualTo(3);
        assertThat(reads.get(0).handedBy()).isEqualTo(-1);
        assertThat(reads.get(reads.size() - 1).timePs()).isEqualTo((500 + TraceWindow.AFTER) * 1000L);
        assertThat(reads).extracting(TracedRead::timePs).isSorted();
        assertThat(reads.get(0).errorNs()).isEqualTo(reads.get(0).readingNs() - reads.get(0).timePs() / 1000.0);
    }

    @Test
    void anEarlyEventKeepsWhatCameBeforeIt() {
        TraceWindow window = new TraceWindow();
        feed(window, 0, 400, 3);
        assertThat(window.reads()).hasSize(3 + 1 + TraceWindow.AFTER);
    }

    @Test
    void noBackwardEventNoTrace() {
        TraceWindow window = new TraceWindow();
        feed(window, 0, 400, -1);
        assertThat(window.reads()).isEmpty();
    }
}
