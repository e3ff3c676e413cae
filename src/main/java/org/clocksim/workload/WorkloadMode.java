package org.clocksim.workload;

/** How the sources of a workload are run. */
public enum WorkloadMode {
    /** Each source runs as its own pass over the same machine and schedule (paired comparisons). */
    PASSES("passes"),
    /**
     * One pass in which each thread calls its sources in turn, to check that a reading never
     * predates the previous reading of another source (vdsotest verify: KERNEL-FACTS.md §5).
     */
    ALTERNATE("alternate");

    private final String id;

    WorkloadMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
