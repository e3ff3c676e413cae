package org.clocksim.observe;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.clocksim.source.SourceId;
import org.clocksim.engine.TimeUnits;

/**
 * What one pass observed of one source.
 *
 * @param thread         per-thread comparisons (every read after a thread's first)
 * @param crossThread    lock hand-off comparisons, or null when the workload has none
 * @param latencyPs      call latency, picoseconds
 * @param migratedReads  reads taken after the thread moved since its previous read
 * @param cpuChangesSeen reads whose returned cpu id differs from the previous read's, or -1 when the
 *                       source returns no cpu id
 * @param events         the first backward events found (at most the configured cap), in time order
 * @param eventsTotal    all backward events, thread and cross-thread
 * @param traces         per thread, its reads around its first backward event (empty if none)
 * @param kernel         seqcount retries, failed calls and stale cpu answers
 * @param causes         backward events by cause (thread and cross-thread), causes that occurred only
 * @param latencyByClocksource latency of the reads made after 0, 1, 2 ... clocksource switches
 * @param windows        inconsistency-check's blocks of 64 reads, and the failing ones
 * @param span           the first and last readings, for the clock's rate
 * @param aggregatedReads reads fast mode aggregated instead of simulating (0 in exact mode)
 */
public record SourceResult(SourceId source, boolean readsTime, long reads, BackwardStats thread, BackwardStats crossThread,
                           Histogram latencyPs, ErrorStats error, long migratedReads, long cpuChangesSeen,
                           List<ThreadStats> threads, List<BackwardEvent> events, long eventsTotal,
                           List<List<TracedRead>> traces, KernelEffects kernel, Map<Cause, Long> causes,
                           List<Histogram> latencyByClocksource, Windows windows, Span span,
                           long aggregatedReads) {
    public SourceResult {
        latencyByClocksource = List.copyOf(latencyByClocksource);
        causes = Map.copyOf(causes);
        threads = List.copyOf(threads);
        events = List.copyOf(events);
        traces = List.copyOf(traces);
    }

    /**
     * @param retries     seqcount loops that went round again because an update landed inside
     * @param failedReads calls that faulted (vsyscall=none)
     * @param staleCpu    getcpu answers already wrong when the call returned
     */
    public record KernelEffects(long retries, long failedReads, long staleCpu) {
    }

    /** Blocks of 64 consecutive reads of one thread, and those with a backward step inside. */
    public record Windows(long windows, long failing) {
    }

    /** The earliest and latest readings (true time of the sample, reading in ns since the epoch). */
    public record Span(long firstPs, double firstNs, long lastPs, double lastNs) {
        /** Reading ns per true ns between the two. */
        public double rate() {
            return lastPs == firstPs ? 1 : (lastNs - firstNs) / TimeUnits.ns(lastPs - firstPs);
        }
    }
}
