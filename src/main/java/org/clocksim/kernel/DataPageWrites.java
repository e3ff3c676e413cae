package org.clocksim.kernel;

/**
 * The vDSO data page's recent writes (update_vsyscall() under the sequence counter): when each began and when it
 * was complete. The sequence counter at a time is a function of them (odd while a write is under way), for the
 * time of the latest write and, in fast mode, for a thread whose activity is behind the kernel's by a few plain
 * ticks ({@link Kernel#sequence}). An update while a write is under way extends that write.
 */
final class DataPageWrites {
    /** How many writes are kept: twice as many as a thread may lag behind ({@link Kernel#PLAIN_TICKS_BETWEEN_CATCH_UPS}). */
    static final int KEPT = 64;

    private final long[] beganPs = new long[KEPT];
    private final long[] endsPs = new long[KEPT];
    /** Writes begun so far: the sequence counter is twice this once the last is complete. */
    private int count;

    /** An update at {@code timePs} taking {@code publishPs}: a new write, or the one under way extended. */
    void publish(long timePs, long publishPs) {
        if (count == 0 || timePs >= endsPs[slot(count)]) {
            count++;
            beganPs[slot(count)] = timePs;
        }
        endsPs[slot(count)] = timePs + publishPs;
    }

    /** The sequence counter at {@code timePs}: twice the writes begun by then, less one while the last is written. */
    int sequence(long timePs) {
        int write = latestBegunBy(timePs);
        return write == 0 ? 0 : timePs < endsPs[slot(write)] ? 2 * write - 1 : 2 * write;
    }

    /** When the write under way at {@code timePs} is complete (at or before {@code timePs} if none is). */
    long endsPs(long timePs) {
        int write = latestBegunBy(timePs);
        return write == 0 ? 0 : endsPs[slot(write)];
    }

    /** Writes begun so far. */
    int count() {
        return count;
    }

    /** When the {@code write}-th write (1 the first) began; it must be among the last {@link #KEPT}. */
    long beganPs(int write) {
        return beganPs[slot(kept(write))];
    }

    /** The latest write begun at or before {@code timePs} (0: none), looked for among the kept ones, newest first. */
    private int latestBegunBy(long timePs) {
        int write = count;
        while (write > 0 && beganPs[slot(kept(write))] > timePs) {
            write--;
        }
        return write;
    }

    private int kept(int write) {
        if (write <= count - KEPT) {
            throw new IllegalStateException("write " + write + " of " + count + " is no longer kept");
        }
        return write;
    }

    private static int slot(int write) {
        return write & (KEPT - 1);
    }
}
