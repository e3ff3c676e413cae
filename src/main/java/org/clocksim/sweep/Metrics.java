package org.clocksim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.config.SweepMetrics;

/**
 * The metrics a sweep aggregates, read from a replication's summary.json: per source, in this
 * order. Cross-thread metrics exist only for lock-hand-off workloads, errors only for sources that
 * read the time.
 */
final class Metrics {
    static final List<String> NAMES = SweepMetrics.NAMES;

    private Metrics() {
    }

    /** Source id → metric name → value, for the metrics present. */
    static Map<String, Map<String, Double>> of(JsonNode summary) {
        Map<String, Map<String, Double>> metrics = new LinkedHashMap<>();
        summary.get("sources").fields().forEachRemaining(entry -> {
            JsonNode source = entry.getValue();
            JsonNode cross = summary.path("crossThread").path(entry.getKey());
            Map<String, Double> values = new LinkedHashMap<>();
            put(values, "reads", source.path("reads"));
            put(values, "backwardEvents", source.path("backwardEvents"));
            put(values, "backwardPerMillion", source.path("backwardPerMillion"));
            put(values, "maxBackwardNs", source.path("maxBackwardNs"));
            put(values, "latencyP50Ns", source.path("latencyNs").path("p50"));
            put(values, "latencyP99Ns", source.path("latencyNs").path("p99"));
            put(values, "errorMaxAbsNs", source.path("errorNs").path("maxAbs"));
            put(values, "crossThreadBackwardPerMillion", cross.path("backwardPerMillion"));
            put(values, "crossThreadMaxBackwardNs", cross.path("maxBackwardNs"));
            metrics.put(entry.getKey(), values);
        });
        return metrics;
    }

    private static void put(Map<String, Double> values, String name, JsonNode node) {
        if (node.isNumber()) {
            values.put(name, node.asDouble());
        }
    }
}
