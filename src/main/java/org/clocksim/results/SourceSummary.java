package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One source's figures. A source that reads the time has the backward-event fields, the causes and
 * the error; one that does not (getcpu) has {@code staleCpu} instead. Absent fields are null here
 * and not written.
 *
 * @param backwardByCause backward events (thread and cross-thread) by cause id, causes that occurred only
 * @param windows64       inconsistency-check's blocks of 64 reads
 * @param cpuChangesSeen  how often a getcpu answer changed, for sources that report it
 * @param aggregatedFraction in fast mode, the fraction of the reads aggregated instead of simulated
 *                        (null in exact mode)
 */
@JsonPropertyOrder({"reads", "comparisons", "backwardEvents", "backwardPerMillion", "maxBackwardNs", "backwardByCause",
        "staleCpu", "failedReads", "seqcountRetries", "latencyNs", "errorNs", "migratedReads", "windows64",
        "cpuChangesSeen", "threads", "latencyByClocksource", "aggregatedFraction"})
public record SourceSummary(long reads,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long comparisons,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long backwardEvents,
                            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal backwardPerMillion,
                            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal maxBackwardNs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> backwardByCause,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long staleCpu,
                            long failedReads, long seqcountRetries, LatencySummary latencyNs,
                            @JsonInclude(JsonInclude.Include.NON_NULL) ErrorSummary errorNs,
                            long migratedReads,
                            @JsonInclude(JsonInclude.Include.NON_NULL) WindowsSummary windows64,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Long cpuChangesSeen,
                            List<ThreadSummary> threads, List<ClocksourceLatency> latencyByClocksource,
                            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal aggregatedFraction) {
    public SourceSummary {
        backwardByCause = backwardByCause == null ? null : Summary.ordered(backwardByCause);
        threads = threads == null ? List.of() : List.copyOf(threads);
        latencyByClocksource = latencyByClocksource == null ? List.of() : List.copyOf(latencyByClocksource);
    }

    /** Whether the source reads the time (every source but getcpu). */
    public boolean readsTime() {
        return backwardEvents != null;
    }

    /** The thread backward-event figures, for a source that reads the time. */
    public Optional<BackwardSummary> backward() {
        return readsTime() ? Optional.of(new BackwardSummary(comparisons, backwardEvents, backwardPerMillion,
                maxBackwardNs)) : Optional.empty();
    }

    /** Backward events of a cause: 0 for a cause that never occurred (or a source that does not read the time). */
    public long backwardOfCause(String cause) {
        return backwardByCause == null ? 0 : backwardByCause.getOrDefault(cause, 0L);
    }
}
