package org.clocksim.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clocksim.config.ConfigSchema.Sources;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/**
 * Reads {@code sources}: optional settings keyed by source id. Every source in {@code
 * workload.sources} gets settings (the latency preset's when none are given); settings for a
 * source the workload does not call are an error, and so is a clock for a source whose clock is
 * fixed.
 */
final class SourcesReader {
    static final List<ClockId> FINE_CLOCKS = List.of(ClockId.MONOTONIC, ClockId.REALTIME, ClockId.MONOTONIC_RAW,
            ClockId.BOOTTIME, ClockId.TAI);
    static final List<ClockId> COARSE_LINES = List.of(ClockId.MONOTONIC, ClockId.REALTIME);

    private SourcesReader() {
    }

    static SortedMap<SourceId, SourceSpec> read(Section sources, Checked<WorkloadSpec> workload, LatencyPreset preset,
                                                KernelSpec kernel) {
        VsyscallMode vsyscall = kernel.vsyscall();
        List<String> ids = Arrays.stream(SourceId.values()).map(SourceId::id).collect(Collectors.toList());
        List<SourceId> listed = workload.value().sources();
        Map<SourceId, SourceSpec> configured = new EnumMap<>(SourceId.class);
        for (YamlNode.Entry entry : sources.mapping().entries()) {
            Optional<SourceId> id = SourceId.byId(entry.key());
            if (id.isEmpty()) {
                sources.errorAt(entry.key(), DidYouMean.unknown("source", entry.key(), ids));
                continue;
            }
            if (workload.valid() && !listed.contains(id.get())) {
                sources.errorAt(entry.key(), "configured but not listed in workload.sources "
                        + listed.stream().map(SourceId::id).collect(Collectors.joining(", ", "[", "]")));
            }
            Section settings = sources.section(entry.key(), Sources.GROUP.names());
            Distribution latency = settings.value(Sources.LATENCY.name(), Sources.LATENCY.type().reader(),
                    defaultLatency(id.get(), preset, vsyscall)).value();
            ClockId clock = settings.value(Sources.CLOCK, f -> clock(f, id.get(), kernel.version())).value();
            configured.put(id.get(), new SourceSpec(latency, clock));
        }
        SortedMap<SourceId, SourceSpec> resolved = new TreeMap<>();
        for (SourceId id : listed) {
            resolved.put(id, configured.getOrDefault(id,
                    new SourceSpec(defaultLatency(id, preset, vsyscall), Sources.CLOCK.defaultValue())));
        }
        return resolved;
    }

    /** The preset's latency; a source the era did not have (reported elsewhere) gets a placeholder. */
    private static Distribution defaultLatency(SourceId id, LatencyPreset preset, VsyscallMode vsyscall) {
        return preset.had(id) ? preset.latency(id, vsyscall) : LatencyPreset.MODERN_MITIGATED.latency(id, vsyscall);
    }

    /** The clock of a clock-selectable source: a fine clock, or for the coarse source its time line. */
    static List<ClockId> clocksOf(SourceId id) {
        return id == SourceId.VDSO_CLOCK_GETTIME_COARSE ? COARSE_LINES : FINE_CLOCKS;
    }

    /** A clock the source may read and the release had ({@link KernelRules#clockProblem}). */
    private static Optional<ClockId> clock(Field field, SourceId id, KernelVersion version) {
        if (!id.clockSelectable()) {
            field.error("only applies to vdso-clock_gettime, vdso-clock_gettime-coarse and syscall-clock_gettime");
            return Optional.empty();
        }
        List<ClockId> allowed = clocksOf(id);
        return field.oneOf("clock", allowed.toArray(ClockId[]::new), ClockId::id).filter(clock -> KernelRules
                .clockProblem(version, clock).map(problem -> field.reject("clock: " + clock.id() + " contradicts "
                        + "kernel.version: " + version + ": " + problem)).orElse(true));
    }
}
