package org.clocksim.source;

import java.util.Arrays;
import java.util.Optional;

/** The time sources a simulated program can call; ids are stable (configs and outputs use them). */
public enum SourceId {
    RDTSC("rdtsc"),
    RDTSCP("rdtscp");

    private final String id;

    SourceId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<SourceId> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
