package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataPageWritesTest {
    /** A thread behind the kernel by a few writes reads the sequence, and when a write ends, as they were at its time. */
    @Test
    void theSequenceIsReadAsItWasAtAnEarlierTime() {
        DataPageWrites writes = new DataPageWrites();
        assertThat(writes.sequence(5)).isZero();
        writes.publish(1_000, 100);
        writes.publish(2_000, 100);
        writes.publish(2_050, 100); // under way: extends the second write to 2 150
        writes.publish(3_000, 100);
        assertThat(writes.count()).isEqualTo(3);
        assertThat(writes.sequence(999)).isZero();
        assertThat(writes.sequence(1_000)).isEqualTo(1);
        assertThat(writes.sequence(1_100)).isEqualTo(2);
        assertThat(writes.sequence(2_120)).isEqualTo(3);
        assertThat(writes.endsPs(2_120)).isEqualTo(2_150);
        assertThat(writes.sequence(2_150)).isEqualTo(4);
        assertThat(writes.sequence(3_050)).isEqualTo(5);
        assertThat(writes.sequence(9_000)).isEqualTo(6);
        assertThat(writes.beganPs(2)).isEqualTo(2_000);
    }

    /** A write no longer kept cannot be looked up: a thread may lag by fewer writes than are kept. */
    @Test
    void aWriteNoLongerKeptIsRefused() {
        DataPageWrites writes = new DataPageWrites();
        for (int i = 1; i <= DataPageWrites.KEPT + 1; i++) {
            writes.publish(i * 1_000L, 100);
        }
        assertThat(writes.sequence(2_100)).isEqualTo(4);
        assertThatThrownBy(() -> writes.sequence(1_500)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> writes.beganPs(1)).isInstanceOf(IllegalStateException.class);
    }

    /** A platform timer's reading behind cycle_last keeps its sign; a per-CPU counter's is clamped. */
    @Test
    void aDeltaBehindIsNegativeOnlyWhenSigned() {
        long mask = 0xFFFF_FFFFL;
        assertThat(Clocksource.signedDelta(5, 10, mask)).isEqualTo(-5);
        assertThat(Clocksource.delta(5, 10, mask)).isZero();
        assertThat(Clocksource.signedDelta(3, mask - 1, mask)).isEqualTo(5); // across the wrap
        assertThat(Clocksource.signedDelta(5, 10, -1L)).isEqualTo(-5);
    }
}
