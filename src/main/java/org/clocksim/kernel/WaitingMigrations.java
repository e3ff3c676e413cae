package org.clocksim.kernel;

/**
 * Each thread's migrations that its activity has not reached yet, oldest first: when, to which core,
 * and the gap. A ring of primitives per thread, its capacity a power of two (a fast-mode run settles millions of them).
 */
final class WaitingMigrations {
    private static final int INITIAL_CAPACITY = 4;

    private final long[][] timePs;
    private final long[][] gapPs;
    private final int[][] core;
    private final int[] head;
    private final int[] size;

    WaitingMigrations(int threads) {
        this.timePs = new long[threads][INITIAL_CAPACITY];
        this.gapPs = new long[threads][INITIAL_CAPACITY];
        this.core = new int[threads][INITIAL_CAPACITY];
        this.head = new int[threads];
        this.size = new int[threads];
    }

    void add(int thread, long atPs, int to, long gap) {
        if (size[thread] == timePs[thread].length) {
            grow(thread);
        }
        int slot = slot(thread, size[thread]++);
        timePs[thread][slot] = atPs;
        gapPs[thread][slot] = gap;
        core[thread][slot] = to;
    }

    long firstPs(int thread) {
        return size[thread] == 0 ? Long.MAX_VALUE : timePs[thread][head[thread]];
    }

    long timePs(int thread, int index) {
        return index >= size[thread] ? Long.MAX_VALUE : timePs[thread][slot(thread, index)];
    }

    long gapPs(int thread, int index) {
        return gapPs[thread][slot(thread, index)];
    }

    int firstCore(int thread) {
        return core[thread][head[thread]];
    }

    /** Removes the earliest and returns its gap. */
    long removeFirst(int thread) {
        if (size[thread] == 0) {
            throw new IllegalStateException("thread " + thread + " has no waiting migration");
        }
        int first = head[thread];
        head[thread] = (first + 1) & (timePs[thread].length - 1);
        size[thread]--;
        return gapPs[thread][first];
    }

    private int slot(int thread, int index) {
        return (head[thread] + index) & (timePs[thread].length - 1);
    }

    /** Doubles the thread's ring, unrolled so that the oldest comes first. */
    private void grow(int thread) {
        int capacity = timePs[thread].length;
        long[] times = new long[capacity * 2];
        long[] gaps = new long[capacity * 2];
        int[] cores = new int[capacity * 2];
        for (int i = 0; i < size[thread]; i++) {
            int from = slot(thread, i);
            times[i] = timePs[thread][from];
            gaps[i] = gapPs[thread][from];
            cores[i] = core[thread][from];
        }
        timePs[thread] = times;
        gapPs[thread] = gaps;
        core[thread] = cores;
        head[thread] = 0;
    }
}
