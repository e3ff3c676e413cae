package org.clocksim.source;

/**
 * The time line a source's readings lie on: readings on the same one can be compared with each other
 * (a vDSO and a syscall MONOTONIC reading), readings on different ones cannot (rdtsc and REALTIME).
 */
public enum Timeline {
    TSC, CPU, MONOTONIC, REALTIME, MONOTONIC_RAW
}
