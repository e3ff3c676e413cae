package org.clocksim.kernel;

/**
 * How a change of mult is applied at a tick: with the continuity correction of
 * timekeeping_apply_adjustment() (kernel/time/timekeeping.c), or without it, the bug class of
 * KERNEL-FACTS.md §4.
 */
public enum NtpUpdate {
    /** With the kernel's continuity correction: the reading does not jump. */
    CONTINUOUS("continuous"),
    /** Without it: the reading steps by (unaccumulated cycles × Δmult) >> shift. A bug class. */
    NAIVE("naive");

    private final String id;

    NtpUpdate(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
