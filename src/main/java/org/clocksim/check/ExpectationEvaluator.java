package org.clocksim.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clocksim.config.Expectation;
import org.clocksim.results.MetricValue;
import org.clocksim.results.Metrics;
import org.clocksim.results.Summary;

/**
 * Finds each expected metric in a run's summary, through the metric catalogue, and checks its
 * condition. A metric the run did not produce (cross-thread figures of an independent workload, say)
 * fails as {@code absent}.
 */
public final class ExpectationEvaluator {
    private static final String ABSENT = "absent";

    private ExpectationEvaluator() {
    }

    public static List<Verdict> evaluate(List<Expectation> expectations, Summary summary) {
        List<Verdict> verdicts = new ArrayList<>();
        for (Expectation expectation : expectations) {
            Optional<MetricValue> actual = actual(expectation, summary);
            verdicts.add(actual.map(v -> new Verdict(expectation, v.text(), expectation.condition().holds(v.number(),
                    v.text()))).orElseGet(() -> new Verdict(expectation, ABSENT, false)));
        }
        return verdicts;
    }

    private static Optional<MetricValue> actual(Expectation expectation, Summary summary) {
        String metric = expectation.metric();
        return switch (expectation.subject()) {
            case "kernel" -> Metrics.named(Metrics.KERNEL, metric).flatMap(m -> m.of(summary.kernel()));
            case "program" -> summary.programSummary().flatMap(p -> Metrics.program(metric).of(p));
            case "crossSource" -> {
                int dot = metric.lastIndexOf('.');
                yield Optional.ofNullable(summary.crossSource().get(metric.substring(0, dot))).flatMap(pair ->
                        Metrics.named(Metrics.CROSS_SOURCE, metric.substring(dot + 1)).flatMap(m -> m.of(pair)));
            }
            default -> Metrics.source(metric).flatMap(m -> m.of(summary, expectation.subject()));
        };
    }
}
