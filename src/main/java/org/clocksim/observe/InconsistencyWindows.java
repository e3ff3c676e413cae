package org.clocksim.observe;

import java.util.Arrays;

/**
 * inconsistency-check's windows (tools/testing/selftests/timers/inconsistency-check.c,
 * KERNEL-FACTS.md §5): each thread's reads in consecutive blocks of {@link #WINDOW}; a block fails if
 * a reading in it is smaller than the one before it. A block the run did not complete is not counted.
 *
 * <p>A block is fixed by the read's number, so nothing is done per read: the blocks are counted from each
 * thread's number of reads at the end, and the failing ones from the reads that went backwards (rare),
 * which is also why fast mode's aggregated reads (none backwards) need no call here.
 */
final class InconsistencyWindows {
    static final int WINDOW = 64;
    private static final int WINDOW_BITS = Integer.numberOfTrailingZeros(WINDOW);

    /** Per thread, the block of its last failing read (-1: none yet); failing blocks counted so far. */
    private final long[] lastFailedBlock;
    private final long[] failedBlocks;

    InconsistencyWindows(int threads) {
        this.lastFailedBlock = new long[threads];
        this.failedBlocks = new long[threads];
        Arrays.fill(lastFailedBlock, -1);
    }

    /**
     * The thread's read number {@code index} (from 0) went backwards: its block fails, unless it is the
     * block's first read (the step it made is from the block before).
     */
    void backward(int thread, long index) {
        if (index % WINDOW == 0) {
            return;
        }
        long block = index >>> WINDOW_BITS;
        if (block != lastFailedBlock[thread]) {
            lastFailedBlock[thread] = block;
            failedBlocks[thread]++;
        }
    }

    /** The windows of threads that completed {@code reads[t]} reads each. */
    SourceResult.Windows result(long[] reads) {
        long windows = 0;
        long failing = 0;
        for (int t = 0; t < reads.length; t++) {
            long completed = reads[t] >>> WINDOW_BITS;
            windows += completed;
            // blocks fail in order, so only the last failing one can be incomplete
            failing += failedBlocks[t] - (lastFailedBlock[t] >= completed ? 1 : 0);
        }
        return new SourceResult.Windows(windows, failing);
    }
}
