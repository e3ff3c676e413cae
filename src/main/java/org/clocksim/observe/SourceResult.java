package org.clocksim.observe;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.clocksim.source.SourceId;

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
 */
public record SourceResult(SourceId source, long reads, BackwardStats thread, BackwardStats crossThread,
                           Histogram latencyPs, ErrorStats error, long migratedReads, long cpuChangesSeen,
                           List<ThreadStats> threads, List<BackwardEvent> events, long eventsTotal,
                           List<List<TracedRead>> traces) {
    public SourceResult {
        threads = List.copyOf(threads);
        events = List.copyOf(events);
        traces = List.copyOf(traces);
    }
}
