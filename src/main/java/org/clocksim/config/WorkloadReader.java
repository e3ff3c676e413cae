package org.clocksim.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.clocksim.config.ConfigSchema.Workload;
import org.clocksim.engine.Distribution;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/** Reads {@code workload}: the threads, what they do, and which time sources they call. */
final class WorkloadReader {
    private WorkloadReader() {
    }

    /** The workload; valid when its thread count and source list, which other sections use, are. */
    static Checked<WorkloadSpec> read(Section workload) {
        Checked<Integer> threads = workload.value(Workload.THREADS);
        Checked<Pattern> pattern = workload.value(Workload.PATTERN);
        if (pattern.valid() && threads.valid() && pattern.value() == Pattern.LOCK_HANDOFF && threads.value() < 2) {
            workload.errorAt(Workload.PATTERN.name(), "lock-handoff needs at least 2 threads (workload.threads = "
                    + threads.value() + ")");
        }
        Distribution handoffLatency = workload.value(Workload.HANDOFF_LATENCY).value();
        HandoffOrder handoffOrder = workload.value(Workload.HANDOFF_ORDER).value();
        Distribution thinkTime = workload.value(Workload.THINK_TIME).value();
        Checked<List<SourceId>> sources = workload.value(Workload.SOURCES, WorkloadReader::sources);
        double calibrationErrorPpm = workload.value(Workload.CALIBRATION_ERROR).value();
        Checked<WorkloadMode> mode = workload.value(Workload.MODE);
        if (mode.valid() && sources.valid() && mode.value() == WorkloadMode.ALTERNATE && sources.value().size() < 2) {
            workload.errorAt(Workload.MODE.name(), "alternate needs at least 2 sources in workload.sources");
        }
        Program program = workload.value(Workload.PROGRAM).value();
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
