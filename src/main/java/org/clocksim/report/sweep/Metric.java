package org.clocksim.report.sweep;

import java.util.List;

/** A metric of sweep.json: its key, how charts and tables name it, and whether its values are in ns. */
record Metric(String key, String title, String shortTitle, boolean ns) {
    static final Metric BACKWARD_PER_MILLION = new Metric("backwardPerMillion", "Backward events per million reads",
            "backward / million", false);
    static final Metric MAX_BACKWARD = new Metric("maxBackwardNs", "Largest backward step", "max backward", true);
    static final Metric LATENCY_P50 = new Metric("latencyP50Ns", "Read latency, median", "latency p50", true);
    static final Metric LATENCY_P99 = new Metric("latencyP99Ns", "Read latency, 99th percentile", "latency p99", true);
    static final Metric ERROR_MAX_ABS = new Metric("errorMaxAbsNs", "Largest error against true time",
            "error max abs", true);
    static final Metric CROSS_PER_MILLION = new Metric("crossThreadBackwardPerMillion",
            "Cross-thread backward events per million hand-offs", "cross-thread backward / million", false);
    static final Metric CROSS_MAX_BACKWARD = new Metric("crossThreadMaxBackwardNs",
            "Largest cross-thread backward step", "cross-thread max backward", true);

    /** The metrics drawn as metric-against-parameter charts, in report order (cross-thread ones where present). */
    static final List<Metric> CHARTED = List.of(BACKWARD_PER_MILLION, MAX_BACKWARD, LATENCY_P50, CROSS_PER_MILLION,
            CROSS_MAX_BACKWARD);
    /** The metrics of the report's tables. */
    static final List<Metric> TABULATED = List.of(BACKWARD_PER_MILLION, MAX_BACKWARD, LATENCY_P50, LATENCY_P99,
            ERROR_MAX_ABS, CROSS_PER_MILLION, CROSS_MAX_BACKWARD);
}
