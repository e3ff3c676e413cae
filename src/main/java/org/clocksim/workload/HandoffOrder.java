package org.clocksim.workload;

/** Which waiting thread takes the lock next. */
public enum HandoffOrder {
    /** Threads take the lock in turn, 0, 1, ..., N-1, 0 ... (a ticket lock). */
    ROUND_ROBIN("round-robin"),
    /** Any thread, the releasing one included, with equal probability (a contended spinlock). */
    RANDOM("random");

    private final String id;

    HandoffOrder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
