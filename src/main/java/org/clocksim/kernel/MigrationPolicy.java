package org.clocksim.kernel;

/** When the scheduler moves a thread to another core. */
public enum MigrationPolicy {
    /** Threads stay on the core they were placed on. */
    NONE("none"),
    /** Each thread migrates at exponentially distributed intervals, to a random other core. */
    POISSON("poisson"),
    /** Each thread migrates every interval (random phase per thread), to a random other core. */
    PERIODIC("periodic"),
    /** Each thread alternates between two named cores every interval. */
    PING_PONG("ping-pong"),
    /**
     * Every interval each thread moves on along a tour that crosses every ordered pair of cores
     * (vdsotest's getcpu test forces N² migrations this way: KERNEL-FACTS.md §5).
     */
    ALL_PAIRS("all-pairs");

    private final String id;

    MigrationPolicy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
