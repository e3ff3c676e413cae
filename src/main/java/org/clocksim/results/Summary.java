package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * summary.json: one run (one replication) of an experiment, as DESIGN.md's output contract lists it.
 * Maps keep the order the run wrote them in (sources in config order).
 *
 * @param formatVersion     the version of this layout ({@link SummaryFile#FORMAT_VERSION} when written)
 * @param crossThread       per source, the backward-event figures of hand-off observations (lock hand-off only)
 * @param crossSource       per "from->to" pair of sources, the cross-source comparisons
 * @param program           the check program's verdict, when the workload runs one
 */
@JsonPropertyOrder({"formatVersion", "experiment", "description", "seed", "replication", "durationNs", "sources",
        "crossThread", "crossSource", "program", "backwardEventsCsv", "kernel"})
public record Summary(int formatVersion, String experiment, String description, long seed, int replication,
                      BigDecimal durationNs, Map<String, SourceSummary> sources, Map<String, BackwardSummary> crossThread,
                      Map<String, CrossSourceSummary> crossSource,
                      @JsonInclude(JsonInclude.Include.NON_NULL) ProgramSummary program,
                      BackwardEventsCsvSummary backwardEventsCsv, KernelSummary kernel) {
    public Summary {
        sources = ordered(sources);
        crossThread = ordered(crossThread);
        crossSource = ordered(crossSource);
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The source's figures, if the run had that source. */
    public Optional<SourceSummary> source(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    /** The source's cross-thread figures, if the workload hands readings over. */
    public Optional<BackwardSummary> crossThreadOf(String id) {
        return Optional.ofNullable(crossThread.get(id));
    }

    public Optional<ProgramSummary> programSummary() {
        return Optional.ofNullable(program);
    }

    /** Reads over all sources. */
    public long totalReads() {
        return sources.values().stream().mapToLong(SourceSummary::reads).sum();
    }
}
