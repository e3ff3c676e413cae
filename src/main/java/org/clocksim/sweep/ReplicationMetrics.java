package org.clocksim.sweep;

import java.util.LinkedHashMap;
import java.util.Map;
import org.clocksim.results.Metrics;
import org.clocksim.results.SourceMetric;
import org.clocksim.results.Summary;

/**
 * The metrics a sweep aggregates ({@link Metrics#SWEPT}), taken from one replication's summary:
 * per source, in catalogue order. Cross-thread metrics exist only for lock-hand-off workloads,
 * errors only for sources that read the time.
 */
final class ReplicationMetrics {
    private ReplicationMetrics() {
    }

    /** Source id → metric sweep name → value, for the metrics present. */
    static Map<String, Map<String, Double>> of(Summary summary) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        for (String source : summary.sources().keySet()) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (SourceMetric metric : Metrics.SWEPT) {
                metric.of(summary, source).map(v -> v.number()).ifPresent(v -> values.put(metric.sweepName(), v));
            }
            metrics.put(source, values);
        }
        return metrics;
    }
}
