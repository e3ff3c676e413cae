package org.clocksim.source;

import org.clocksim.kernel.ClockId;

/**
 * The time line a source's readings lie on: readings on the same one can be compared with each other
 * (a vDSO and a syscall MONOTONIC reading), readings on different ones cannot (rdtsc and REALTIME).
 */
public enum Timeline {
    TSC, CPU, MONOTONIC, REALTIME, MONOTONIC_RAW, BOOTTIME, TAI;

    /** The time line of a kernel clock (a coarse clock lies on its fine clock's). */
    static Timeline of(ClockId clock) {
        return switch (clock) {
            case MONOTONIC, MONOTONIC_COARSE -> MONOTONIC;
            case REALTIME, REALTIME_COARSE -> REALTIME;
            case MONOTONIC_RAW -> MONOTONIC_RAW;
            case BOOTTIME -> BOOTTIME;
            case TAI -> TAI;
        };
    }
}
