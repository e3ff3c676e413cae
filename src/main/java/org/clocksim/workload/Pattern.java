package org.clocksim.workload;

/** What the simulated program's threads do. */
public enum Pattern {
    /** Each thread loops: read, think, read ... */
    INDEPENDENT("independent"),
    /** Threads take a shared lock in turn, read, compare with the last value written, write theirs. */
    LOCK_HANDOFF("lock-handoff");

    private final String id;

    Pattern(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
