package org.clocksim.results;

import java.util.Optional;

/**
 * A figure of one source in a run's summary: the name expectations give it ({@code latencyNs.p50}),
 * and, for the figures a sweep aggregates, the name in sweep.json/sweep.csv ({@code latencyP50Ns})
 * and how charts and tables title it.
 *
 * @param sweepName null for a figure sweeps do not aggregate
 * @param ns        whether its values are in ns
 * @param presence  which sources and workloads have it
 */
public record SourceMetric(String name, String sweepName, String title, String shortTitle, boolean ns,
                           Presence presence, Reading reading) {
    /** Which runs have the figure for a source. */
    public enum Presence {
        /** Every source of the workload. */
        ALWAYS,
        /** Sources that read the time (all but getcpu). */
        READS_TIME,
        /** Sources that read the time, in a lock hand-off workload (readings handed between threads). */
        HANDED_OVER,
        /** rdtscp only: it returns a cpu id with the time. */
        CPU_ID_WITH_TIME,
        /** getcpu only. */
        GETCPU
    }

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
        return new SourceMetric(this.name, name, title, shortTitle, ns, presence, reading);
    }
}
