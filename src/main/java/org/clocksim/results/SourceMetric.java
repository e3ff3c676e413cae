package org.clocksim.results;

import java.util.Optional;

/**
 * A figure of one source in a run's summary: the name expectations give it ({@code latencyNs.p50}),
 * and, for the figures a sweep aggregates, the name in sweep.json/sweep.csv ({@code latencyP50Ns})
 * and how charts and tables title it.
 *
 * @param sweepName null for a figure sweeps do not aggregate
 * @param ns        whether its values are in ns
 */
public record SourceMetric(String name, String sweepName, String title, String shortTitle, boolean ns,
                           Reading reading) {
    /** Where the figure lives in a summary; empty when the run did not produce it. */
    @FunctionalInterface
    public interface Reading {
        Optional<MetricValue> of(Summary summary, String source);
    }

    public Optional<MetricValue> of(Summary summary, String source) {
        return reading.of(summary, source);
    }

    public boolean swept() {
        return sweepName != null;
    }

    /** This figure, aggregated by sweeps under {@code name}, titled so. */
    SourceMetric sweptAs(String name, String title, String shortTitle, boolean ns) {
        return new SourceMetric(this.name, name, title, shortTitle, ns, reading);
    }
}
