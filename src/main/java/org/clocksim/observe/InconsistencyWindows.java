package org.clocksim.observe;

/**
 * inconsistency-check's windows (tools/testing/selftests/timers/inconsistency-check.c,
 * KERNEL-FACTS.md §5): each thread's reads in consecutive blocks of {@link #WINDOW}; a block fails if
 * a reading in it is smaller than the one before it. A block the run did not complete is not counted.
 */
final class InconsistencyWindows {
    static final int WINDOW = 64;

    private final boolean[] failed;
    private long windows;
    private long failing;

    InconsistencyWindows(int threads) {
        this.failed = new boolean[threads];
    }

    /** The thread's read number {@code index} (from 0), and whether it went backwards. */
    void add(int thread, long index, boolean backward) {
        if (backward && index % WINDOW != 0) {
            failed[thread] = true;
        }
        if (index % WINDOW == WINDOW - 1) {
            windows++;
            if (failed[thread]) {
                failing++;
            }
            failed[thread] = false;
        }
    }

    /** The thread's reads number {@code fromIndex} to {@code fromIndex + n - 1}, none backwards. */
    void addMonotone(int thread, long fromIndex, long n) {
        long completed = (fromIndex + n) / WINDOW - fromIndex / WINDOW;
        if (completed > 0) {
            windows += completed;
            if (failed[thread]) {
                failing++;
            }
            failed[thread] = false;
        }
    }

    SourceResult.Windows result() {
        return new SourceResult.Windows(windows, failing);
    }
}
