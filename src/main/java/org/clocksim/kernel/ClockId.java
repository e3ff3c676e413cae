package org.clocksim.kernel;

/**
 * The POSIX clocks a program can ask the kernel for (include/uapi/linux/time.h). Suspend is not
 * modelled: CLOCK_BOOTTIME is MONOTONIC plus an offset that stays 0 (offs_boot grows only by the time
 * spent in suspend), CLOCK_TAI is REALTIME plus the TAI offset ({@code kernel.taiOffset}, offs_tai).
 */
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
    REALTIME_COARSE("realtime-coarse", true),
    /** MONOTONIC plus the time spent in suspend (none here: 0). Since 2.6.39 ({@link KernelRules#clockProblem}). */
    BOOTTIME("boottime", false),
    /** REALTIME plus the TAI offset (37 s since 2017). Since 3.10. */
    TAI("tai", false);

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

    /** Whether this clock counts from the wall-clock epoch (REALTIME, its coarse variant, TAI) rather than from boot. */
    public boolean wallClock() {
        return this == REALTIME || this == REALTIME_COARSE || this == TAI;
    }

    /** The coarse clock of the same time line. */
    public ClockId coarseVariant() {
        return wallClock() ? REALTIME_COARSE : MONOTONIC_COARSE;
    }
}
