package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.clocksim.engine.RandomStream;
import org.clocksim.observe.CrossSourceObserver;
import org.clocksim.observe.CrossSourceStats;
import org.junit.jupiter.api.Test;

class CrossSourceObserverTest {
    private static final long TICK_PS = 4_000_000_000L;

    /** A source of readings in {@code unitNs} on a time line, for feeding the observer by hand. */
    private record Stub(SourceId id, double unitNs, Timeline timeline, boolean tickBased) implements TimeSource {
        @Override
        public double nsPerUnit() {
            return unitNs;
        }

        @Override
        public double sinceEpochNs(long value) {
            return value * unitNs;
        }

        @Override
        public Read open(int thread) {
            return new Read(thread, new RandomStream(0));
        }

        @Override
        public long begin(Read read, long startPs) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long step(Read read, long nowPs) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Stub NS = new Stub(SourceId.VDSO_CLOCK_GETTIME, 1, Timeline.REALTIME, false);
    private static final Stub US = new Stub(SourceId.VDSO_GETTIMEOFDAY, 1_000, Timeline.REALTIME, false);
    private static final Stub SECONDS = new Stub(SourceId.VDSO_TIME, 1e9, Timeline.REALTIME, true);
    private static final Stub TSC = new Stub(SourceId.RDTSC, 0.5, Timeline.TSC, false);

    private static Read reading(long value) {
        Read read = new Read(0, new RandomStream(0));
        read.value = value;
        return read;
    }

    private static CrossSourceStats pair(CrossSourceObserver observer, SourceId from, SourceId to) {
        return observer.result().stream().filter(s -> s.from() == from && s.to() == to).findFirst().orElseThrow();
    }

    @Test
    void aReadingThatPredatesTheOtherSourcesPreviousOneIsAViolation() {
        CrossSourceObserver observer = new CrossSourceObserver(List.of(NS, US), 1, TICK_PS);
        observer.onRead(0, reading(5_000_500));
        observer.onRead(1, reading(5_000));   // 5.000 ms in us: the same microsecond, fine
        observer.onRead(0, reading(4_999_000)); // 1 us before the previous us reading: a violation
        assertThat(pair(observer, SourceId.VDSO_CLOCK_GETTIME, SourceId.VDSO_GETTIMEOFDAY).violations()).isZero();
        CrossSourceStats back = pair(observer, SourceId.VDSO_GETTIMEOFDAY, SourceId.VDSO_CLOCK_GETTIME);
        assertThat(back.violations()).isOne();
        assertThat(back.maxNs()).isEqualTo(1_000);
    }

    @Test
    void timeLaggingGettimeofdayWithinATickIsNotAViolationButBeyondIs() {
        CrossSourceObserver observer = new CrossSourceObserver(List.of(US, SECONDS), 1, TICK_PS);
        observer.onRead(0, reading(10_001_000)); // 10.001 s
        observer.onRead(1, reading(9));          // time() still says 9: the last tick was before 10 s
        assertThat(pair(observer, SourceId.VDSO_GETTIMEOFDAY, SourceId.VDSO_TIME).violations()).isZero();
        observer.onRead(0, reading(10_005_000)); // 10.005 s: more than a tick after 10 s
        observer.onRead(1, reading(9));
        assertThat(pair(observer, SourceId.VDSO_GETTIMEOFDAY, SourceId.VDSO_TIME).violations()).isOne();
    }

    @Test
    void sourcesOnDifferentTimeLinesAreNotCompared() {
        CrossSourceObserver observer = new CrossSourceObserver(List.of(NS, TSC), 1, TICK_PS);
        observer.onRead(0, reading(1_000_000));
        observer.onRead(1, reading(1));
        observer.onRead(0, reading(1_000_001));
        assertThat(observer.result()).isEmpty();
    }
}
