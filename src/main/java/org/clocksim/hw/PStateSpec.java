package org.clocksim.hw;

import java.util.List;

/**
 * The core clock of a non-invariant TSC over the run: scripted P-state changes per socket, and
 * optionally a random process (each socket changes at Poisson times to one of the given
 * frequencies).
 */
public record PStateSpec(List<Change> changes, double ratePerSecond, List<Double> frequenciesHz) {
    public PStateSpec {
        changes = List.copyOf(changes);
        frequenciesHz = List.copyOf(frequenciesHz);
    }

    public static PStateSpec none() {
        return new PStateSpec(List.of(), 0, List.of());
    }

    /** From {@code atPs} on, the socket's cores (and their TSCs) run at {@code frequencyHz}. */
    public record Change(long atPs, int socket, double frequencyHz) {
    }
}
