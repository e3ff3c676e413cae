package org.clocksim.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clocksim.observe.Cause;
import org.clocksim.source.SourceId;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadSpec;

/**
 * Reads {@code expect:}: per source id, {@code kernel}, {@code program} and {@code crossSource},
 * metrics and conditions. A metric or subject that does not exist is an error (with a suggestion),
 * so a typo cannot make a check pass silently; so is one the run cannot produce (a source the workload
 * does not call, cross-thread figures without lock hand-off: {@link ExpectationScope}).
 */
final class ExpectationReader {
    static final String KERNEL = "kernel";
    static final String PROGRAM = "program";
    static final String CROSS_SOURCE = "crossSource";
    static final List<String> SOURCE_METRICS = Stream.of(
            Stream.of("reads", "comparisons", "backwardEvents", "backwardPerMillion", "maxBackwardNs", "failedReads",
                    "seqcountRetries", "latencyNs.mean", "latencyNs.p50", "latencyNs.p90", "latencyNs.p99",
                    "latencyNs.p999", "latencyNs.max", "errorNs.mean", "errorNs.maxAbs", "migratedReads",
                    "cpuChangesSeen", "staleCpu", "windows64.windows", "windows64.failing",
                    "crossThread.comparisons", "crossThread.backwardEvents", "crossThread.backwardPerMillion",
                    "crossThread.maxBackwardNs"),
            Arrays.stream(Cause.values()).map(c -> "backwardByCause." + c.id())).flatMap(s -> s).toList();
    static final List<String> KERNEL_METRICS = List.of("finalClocksource", "switches", "ticks", "ntpMultChanges",
            "syncCheck.enabled", "syncCheck.unstable", "syncCheck.compensated", "watchdog.enabled", "watchdog.checks",
            "watchdog.unstable", "watchdog.skipped");
    static final List<String> PROGRAM_METRICS = Stream.concat(Stream.of(Program.VERDICT),
            Arrays.stream(Program.values()).flatMap(p -> p.figures().stream())).distinct().toList();
    static final List<String> CROSS_SOURCE_FIELDS = List.of("comparisons", "violations", "maxNs");

    private ExpectationReader() {
    }

    static List<Expectation> read(Section expect, WorkloadSpec workload) {
        ExpectationScope scope = new ExpectationScope(workload);
        List<Expectation> expectations = new ArrayList<>();
        List<String> sources = Arrays.stream(SourceId.values()).map(SourceId::id).toList();
        List<String> subjects = Stream.concat(sources.stream(), Stream.of(KERNEL, PROGRAM, CROSS_SOURCE)).toList();
        for (YamlNode.Entry entry : expect.mapping().entries()) {
            String subject = entry.key();
            if (!subjects.contains(subject)) {
                expect.errorAt(subject, DidYouMean.unknown("subject", subject, subjects)
                        + " (a source id, kernel, program or crossSource)");
                continue;
            }
            Section metrics = expect.section(subject, "a mapping of metrics to conditions");
            List<String> allowed = allowed(subject, sources);
            for (YamlNode.Entry metric : metrics.mapping().entries()) {
                String name = metric.key();
                if (!allowed.contains(name)) {
                    metrics.errorAt(name, "unknown metric; " + DidYouMean.hint(name, allowed));
                    continue;
                }
                Optional<String> absence = scope.absence(subject, name);
                if (absence.isPresent()) {
                    metrics.errorAt(name, "never present in this run: " + absence.get());
                    continue;
                }
                metrics.get(name).flatMap(field -> expectation(subject, name, field)).ifPresent(expectations::add);
            }
        }
        return expectations;
    }

    private static Optional<Expectation> expectation(String subject, String metric, Field field) {
        return field.text().flatMap(text -> {
            Optional<Condition> condition = Condition.parse(text);
            if (condition.isEmpty()) {
                field.error("expected a condition such as 0, \">= 1\", \"<= 2500\", \"10..20\" or a word such as "
                        + "hpet; got '" + text + "'");
            }
            Origin origin = field.node().origin();
            String where = origin.line() > 0 ? origin.file() + ":" + origin.line() : origin.file();
            return condition.map(c -> new Expectation(subject, metric, text.strip(), c, where));
        });
    }

    private static List<String> allowed(String subject, List<String> sources) {
        return switch (subject) {
            case KERNEL -> KERNEL_METRICS;
            case PROGRAM -> PROGRAM_METRICS;
            case CROSS_SOURCE -> sources.stream().flatMap(a -> sources.stream().filter(b -> !b.equals(a))
                    .flatMap(b -> CROSS_SOURCE_FIELDS.stream().map(f -> a + "->" + b + "." + f)))
                    .collect(Collectors.toList());
            default -> SOURCE_METRICS;
        };
    }
}
