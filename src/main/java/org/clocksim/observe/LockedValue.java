package org.clocksim.observe;

import org.clocksim.source.Read;

/**
 * The value last written under the lock, who wrote it and on which core; a locked read is compared
 * with it when another thread wrote it (the kernel's TSC warp test, Molnar's time-warp-test:
 * KERNEL-FACTS.md §4, §5), then writes its own.
 */
final class LockedValue {
    private boolean written;
    private long value;
    private int writerThread;
    private int writerCore;

    /** Whether {@code read} is compared: a value exists and another thread wrote it. */
    boolean comparable(Read read) {
        return written && writerThread != read.thread();
    }

    /** How far {@code read} is behind the written value, in raw units (0 when not behind). */
    long behind(Read read) {
        return Math.max(0, value - read.value());
    }

    int writerThread() {
        return writerThread;
    }

    int writerCore() {
        return writerCore;
    }

    void write(Read read) {
        written = true;
        value = read.value();
        writerThread = read.thread();
        writerCore = read.core();
    }
}
