package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.clocksim.engine.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The windows counted from the backward reads alone agree with inconsistency-check's blocks walked read by
 * read, also across fast mode's aggregated runs (many reads, none backwards, and no call at all).
 */
class InconsistencyWindowsTest {
    static LongStream seeds() {
        return LongStream.range(0, 20);
    }

    /** inconsistency-check's loop, read by read: a block fails when a read after its first goes backwards. */
    private static final class ReadByRead {
        private final boolean[] failed = new boolean[2];
        long windows;
        long failing;

        void read(int thread, long index, boolean backward) {
            failed[thread] |= backward && index % InconsistencyWindows.WINDOW != 0;
            if (index % InconsistencyWindows.WINDOW == InconsistencyWindows.WINDOW - 1) {
                windows++;
                failing += failed[thread] ? 1 : 0;
                failed[thread] = false;
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void backwardReadsAloneGiveTheBlocksWalkedReadByRead(long seed) {
        RandomStream random = new RandomStream(seed);
        ReadByRead walked = new ReadByRead();
        InconsistencyWindows windows = new InconsistencyWindows(2);
        long[] reads = new long[2];
        for (int step = 0; step < 400; step++) {
            int thread = random.nextInt(2);
            long n = random.nextInt(3) == 0 ? random.nextLong(0, 300) : 1; // an aggregated run, or one read
            for (long i = 0; i < n; i++) {
                // only single reads go backwards, often enough for blocks with several and at a block's start
                boolean backward = n == 1 && random.nextInt(3) == 0;
                walked.read(thread, reads[thread], backward);
                if (backward) {
                    windows.backward(thread, reads[thread]);
                }
                reads[thread]++;
            }
        }
        assertThat(windows.result(reads)).isEqualTo(new SourceResult.Windows(walked.windows, walked.failing));
        assertThat(walked.failing).isPositive().isLessThan(walked.windows);
    }

    @Test
    void aBlockLeftIncompleteIsNotCountedEvenIfItFailed() {
        long completed = 3;
        InconsistencyWindows windows = new InconsistencyWindows(1);
        windows.backward(0, completed * InconsistencyWindows.WINDOW + 5);
        assertThat(windows.result(new long[] {completed * InconsistencyWindows.WINDOW + 10}))
                .isEqualTo(new SourceResult.Windows(completed, 0));
        assertThat(windows.result(new long[] {(completed + 1) * InconsistencyWindows.WINDOW}))
                .isEqualTo(new SourceResult.Windows(completed + 1, 1));
    }
}
