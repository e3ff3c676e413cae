package org.clocksim.engine;

/**
 * How a run simulates reads. {@link #EXACT} runs every step of every call. {@link #FAST} aggregates the
 * reads of a stretch in which nothing can change what a read returns relative to the previous one (one
 * core, no event in between): their count, latencies and error are drawn from their distributions, and
 * the reads next to each event run exactly (docs/PERFORMANCE.md, "Fast mode").
 */
public enum SimulationMode {
    EXACT("exact"),
    FAST("fast");

    private final String id;

    SimulationMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
