package org.clocksim.config;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.clocksim.engine.Distribution;
import org.clocksim.source.LatencyDefaults;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/**
 * Reads {@code sources}: optional settings keyed by source id. Every source in {@code
 * workload.sources} gets settings ({@link LatencyDefaults} when none are given); settings for a
 * source the workload does not call are an error.
 */
final class SourcesReader {
    static final List<String> SOURCE_KEYS = List.of("latency");

    private SourcesReader() {
    }

    static SortedMap<SourceId, SourceSpec> read(Section sources, Checked<WorkloadSpec> workload) {
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
            Section settings = sources.section(entry.key(), SOURCE_KEYS);
            Distribution latency = settings.value("latency", DistributionReader::read,
                    LatencyDefaults.of(id.get()).latency()).value();
            configured.put(id.get(), new SourceSpec(latency));
        }
        SortedMap<SourceId, SourceSpec> resolved = new TreeMap<>();
        for (SourceId id : listed) {
            resolved.put(id, configured.getOrDefault(id, LatencyDefaults.of(id)));
        }
        return resolved;
    }
}
