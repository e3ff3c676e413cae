package org.clocksim.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.Expectation;
import org.clocksim.kernel.SyncCheckVerdict;
import org.clocksim.kernel.WatchdogVerdict;

/**
 * Finds each expected metric in a run's summary.json and checks its condition. A metric the run
 * did not produce (cross-thread figures of an independent workload, say) fails as {@code absent}.
 */
public final class ExpectationEvaluator {
    private static final String ABSENT = "absent";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExpectationEvaluator() {
    }

    public static List<Verdict> evaluate(List<Expectation> expectations, JsonNode summary) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation expectation : expectations) {
            JsonNode actual = actual(expectation, summary);
            if (actual.isMissingNode() || actual.isNull()) {
                verdicts.add(new Verdict(expectation, ABSENT, false));
                continue;
            }
            Double number = actual.isNumber() ? actual.asDouble() : null;
            String text = actual.asText();
            verdicts.add(new Verdict(expectation, text, expectation.condition().holds(number, text)));
        }
        return verdicts;
    }

    private static JsonNode actual(Expectation expectation, JsonNode summary) {
        String metric = expectation.metric();
        return switch (expectation.subject()) {
            case "kernel" -> kernel(metric, summary.path("kernel"));
            case "program" -> summary.path("program").path(metric);
            case "crossSource" -> {
                int dot = metric.lastIndexOf('.');
                yield summary.path("crossSource").path(metric.substring(0, dot)).path(metric.substring(dot + 1));
            }
            default -> source(expectation.subject(), metric, summary);
        };
    }

    private static JsonNode source(String source, String metric, JsonNode summary) {
        if (metric.startsWith("crossThread.")) {
            return summary.path("crossThread").path(source).path(metric.substring("crossThread.".length()));
        }
        JsonNode node = path(summary.path("sources").path(source), metric);
        if (node.isMissingNode() && metric.startsWith("backwardByCause.") && summary.path("sources").has(source)) {
            return NODES.numberNode(0); // a cause that never occurred
        }
        return node;
    }

    private static JsonNode kernel(String metric, JsonNode kernel) {
        return switch (metric) {
            case "switches" -> NODES.numberNode(kernel.path("switches").size());
            case "watchdog.checks" -> NODES.numberNode(kernel.path("watchdog").path("checks").size());
            case "watchdog.unstable" -> NODES.numberNode(count(kernel.path("watchdog").path("checks"),
                    WatchdogVerdict.UNSTABLE.id()));
            case "watchdog.skipped" -> NODES.numberNode(count(kernel.path("watchdog").path("checks"),
                    WatchdogVerdict.SKIPPED.id()));
            case "syncCheck.unstable" -> NODES.numberNode(count(kernel.path("syncCheck").path("cpus"),
                    SyncCheckVerdict.UNSTABLE.id()));
            case "syncCheck.compensated" -> NODES.numberNode(count(kernel.path("syncCheck").path("cpus"),
                    SyncCheckVerdict.COMPENSATED.id()));
            default -> path(kernel, metric);
        };
    }

    private static int count(JsonNode entries, String verdict) {
        int count = 0;
        for (JsonNode entry : entries) {
            if (verdict.equals(entry.path("verdict").asText())) {
                count++;
            }
        }
        return count;
    }

    private static JsonNode path(JsonNode node, String dotted) {
        JsonNode current = node;
        for (String part : dotted.split("\\.")) {
            current = current.path(part);
        }
        return current;
    }
}
