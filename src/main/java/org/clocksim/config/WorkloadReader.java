package org.clocksim.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clocksim.engine.Distribution;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/** Reads {@code workload}: the threads, what they do, and which time sources they call. */
final class WorkloadReader {
    static final List<String> KEYS = List.of(
            "threads", "pattern", "handoffLatency", "handoffOrder", "thinkTime", "sources", "calibrationError", "mode", "program");

    private static final long DEFAULT_HANDOFF_LATENCY_PS = 100_000; // 100 ns

    private WorkloadReader() {
    }

    /** The workload; valid when its thread count and source list, which other sections use, are. */
    static Checked<WorkloadSpec> read(Section workload) {
        Checked<Integer> threads = workload.value("threads", f -> f.integerAtLeast(1), 1);
        Checked<Pattern> pattern = workload.value("pattern",
                f -> f.oneOf("pattern", Pattern.values(), Pattern::id), Pattern.INDEPENDENT);
        if (pattern.valid() && threads.valid() && pattern.value() == Pattern.LOCK_HANDOFF && threads.value() < 2) {
            workload.errorAt("pattern", "lock-handoff needs at least 2 threads (workload.threads = "
                    + threads.value() + ")");
        }
        Distribution handoffLatency = workload.value("handoffLatency", DistributionReader::read,
                (Distribution) new Distribution.Fixed(DEFAULT_HANDOFF_LATENCY_PS)).value();
        HandoffOrder handoffOrder = workload.value("handoffOrder",
                f -> f.oneOf("hand-off order", HandoffOrder.values(), HandoffOrder::id), HandoffOrder.ROUND_ROBIN)
                .value();
        Distribution thinkTime = workload.value("thinkTime", DistributionReader::read,
                (Distribution) new Distribution.Fixed(0)).value();
        Checked<List<SourceId>> sources = workload.value("sources", WorkloadReader::sources, List.of(SourceId.RDTSC));
        double calibrationErrorPpm = workload.value("calibrationError", Field::boundedPpm, 0.0).value();
        Checked<WorkloadMode> mode = workload.value("mode", f -> f.oneOf("workload mode", WorkloadMode.values(),
                WorkloadMode::id), WorkloadMode.PASSES);
        if (mode.valid() && sources.valid() && mode.value() == WorkloadMode.ALTERNATE && sources.value().size() < 2) {
            workload.errorAt("mode", "alternate needs at least 2 sources in workload.sources");
        }
        Program program = workload.value("program", f -> f.oneOf("program", Program.values(), Program::id),
                Program.NONE).value();
        WorkloadSpec spec = new WorkloadSpec(threads.value(), pattern.value(), handoffLatency, handoffOrder,
                thinkTime, sources.value(), calibrationErrorPpm, mode.value(), program);
        return new Checked<>(spec, threads.valid() && sources.valid());
    }

    /** A non-empty list of distinct source ids. */
    private static Optional<List<SourceId>> sources(Field field) {
        Set<SourceId> seen = EnumSet.noneOf(SourceId.class);
        return field.list(-1, "", item -> item.oneOf("source", SourceId.values(), SourceId::id)
                        .filter(id -> seen.add(id) || item.reject("duplicate source '" + id.id() + "'")))
                .filter(list -> !list.isEmpty() || field.reject("expected at least one source, such as [rdtsc]"));
    }
}
