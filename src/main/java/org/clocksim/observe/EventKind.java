package org.clocksim.observe;

/** Which comparison found a backward event. */
public enum EventKind {
    /** A thread's reading against its own previous reading of the same source. */
    THREAD("thread"),
    /** A reading under a lock against the last value another thread wrote under it. */
    CROSS_THREAD("cross-thread");

    private final String id;

    EventKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
