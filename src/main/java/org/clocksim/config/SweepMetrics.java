package org.clocksim.config;

import java.util.List;

/** The metrics a sweep aggregates per source (sweep.csv's metric column), in their order there. */
public final class SweepMetrics {
    public static final List<String> NAMES = List.of("reads", "backwardEvents", "backwardPerMillion",
            "maxBackwardNs", "latencyP50Ns", "latencyP99Ns", "errorMaxAbsNs", "crossThreadBackwardPerMillion",
            "crossThreadMaxBackwardNs");

    private SweepMetrics() {
    }
}
