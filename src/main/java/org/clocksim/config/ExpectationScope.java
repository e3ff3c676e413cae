package org.clocksim.config;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.clocksim.results.Metrics;
import org.clocksim.results.SourceMetric.Presence;
import org.clocksim.source.SourceId;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/**
 * Whether a run of the workload can produce a metric at all: an expectation on a metric the run never
 * writes to summary.json could only fail as "absent" in {@code check}, so {@code validate} refuses it and
 * says what would make it present.
 */
final class ExpectationScope {
    private final WorkloadSpec workload;

    ExpectationScope(WorkloadSpec workload) {
        this.workload = workload;
    }

    /** Why {@code subject.metric} can never be present in this run's summary, or empty when it can be. */
    Optional<String> absence(String subject, String metric) {
        return switch (subject) {
            case ExpectationReader.KERNEL -> Optional.empty();
            case ExpectationReader.PROGRAM -> program(metric);
            case ExpectationReader.CROSS_SOURCE -> crossSource(metric);
            default -> source(SourceId.byId(subject).orElseThrow(), metric);
        };
    }

    private Optional<String> source(SourceId source, String metric) {
        if (!workload.sources().contains(source)) {
            return Optional.of(source.id() + " is not in workload.sources " + ids(workload.sources())
                    + ", so the run never reads it");
        }
        boolean readsTime = source != SourceId.GETCPU;
        Presence presence = Metrics.source(metric).orElseThrow().presence();
        if (presence == Presence.HANDED_OVER && workload.pattern() != Pattern.LOCK_HANDOFF) {
            return Optional.of("cross-thread figures exist only with workload.pattern: "
                    + Pattern.LOCK_HANDOFF.id() + " (the pattern is " + workload.pattern().id() + ")");
        }
        return switch (presence) {
            case GETCPU -> source == SourceId.GETCPU ? Optional.empty() : Optional.of("only getcpu reports " + metric);
            case CPU_ID_WITH_TIME -> source == SourceId.RDTSCP ? Optional.empty()
                    : Optional.of("only rdtscp returns a cpu id with the time (" + metric + ")");
            case READS_TIME, HANDED_OVER -> readsTime ? Optional.empty()
                    : Optional.of("getcpu returns a cpu, not a time: it has no " + metric);
            case ALWAYS -> Optional.empty();
        };
    }

    private Optional<String> crossSource(String metric) {
        if (workload.mode() != WorkloadMode.ALTERNATE) {
            return Optional.of("crossSource figures exist only with workload.mode: " + WorkloadMode.ALTERNATE.id()
                    + " (the mode is " + workload.mode().id() + ")");
        }
        String pair = metric.substring(0, metric.lastIndexOf('.'));
        for (String id : pair.split("->")) {
            SourceId source = SourceId.byId(id).orElseThrow();
            if (!workload.sources().contains(source)) {
                return Optional.of(id + " is not in workload.sources " + ids(workload.sources()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> program(String metric) {
        Program program = workload.program();
        if (program == Program.NONE) {
            return Optional.of("program figures exist only with a workload.program (it is none)");
        }
        List<String> metrics = Stream.concat(Stream.of(Program.VERDICT), program.figures().stream()).toList();
        return metrics.contains(metric) ? Optional.empty()
                : Optional.of(program.id() + " reports " + String.join(", ", metrics) + ", not " + metric);
    }

    private static String ids(List<SourceId> sources) {
        return sources.stream().map(SourceId::id).toList().toString();
    }
}
