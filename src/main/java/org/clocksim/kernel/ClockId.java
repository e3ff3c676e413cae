package org.clocksim.kernel;

/** The POSIX clocks a program can ask the kernel for (include/uapi/linux/time.h). */
public enum ClockId {
    /** Time since boot, slewed by NTP. */
    MONOTONIC("monotonic", false),
    /** Wall-clock time: MONOTONIC plus the wall-clock offset. */
    REALTIME("realtime", false),
    /** Time since boot, never slewed (KERNEL-FACTS.md §2). */
    MONOTONIC_RAW("monotonic-raw", false),
    /** MONOTONIC as of the last tick: no counter read, tick resolution. */
    MONOTONIC_COARSE("monotonic-coarse", true),
    /** REALTIME as of the last tick. */
    REALTIME_COARSE("realtime-coarse", true);

    private final String id;
    private final boolean coarse;

    ClockId(String id, boolean coarse) {
        this.id = id;
        this.coarse = coarse;
    }

    public String id() {
        return id;
    }

    /** Read from the last tick's base, without reading a counter. */
    public boolean coarse() {
        return coarse;
    }

    /** Whether this clock counts from the wall-clock epoch rather than from boot. */
    public boolean wallClock() {
        return this == REALTIME || this == REALTIME_COARSE;
    }

    /** The coarse clock of the same time line. */
    public ClockId coarseVariant() {
        return wallClock() ? REALTIME_COARSE : MONOTONIC_COARSE;
    }
}
