package org.clocksim.report.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.clocksim.results.ExpectationResult;

/**
 * The contents of a results directory, as plain records: what the charts and report.md are drawn
 * from. Times and magnitudes are in ns, as the files hold them.
 *
 * @param latency     each source's latency-SOURCE.csv rows, in the summary's source order
 * @param traceThread {@code output.traceThread} of experiment.yaml, when it is set
 * @param expectations the config's expectations held against the run (expect.json), none when it has none
 * @param bootNtpPpm  {@code kernel.ntp.frequency} of experiment.yaml: the NTP frequency from boot to the first
 *                    mult change, when the config has one
 */
record Results(SummaryView summary, List<Skew> skew, List<Backward> backward, Map<String, List<Latency>> latency,
               List<Trace> trace, OptionalInt traceThread, List<ExpectationResult> expectations,
               OptionalDouble bootNtpPpm) {
    Results {
        expectations = List.copyOf(expectations);
        skew = List.copyOf(skew);
        backward = List.copyOf(backward);
        latency = Collections.unmodifiableMap(new LinkedHashMap<>(latency));
        trace = List.copyOf(trace);
    }

    /** A row of skew.csv: one core's counter offset at one moment. */
    record Skew(double timeNs, int core, int socket, double offsetNs, double offsetFromCore0Ns) {
    }

    /** A row of backward-events.csv. */
    record Backward(double timeNs, String source, String kind, int thread, int previousThread, int coreBefore,
                    int coreAfter, double magnitudeNs, String cause) {
        static final String CROSS_THREAD = "cross-thread";

        boolean crossThread() {
            return CROSS_THREAD.equals(kind);
        }
    }

    /** A row of latency-SOURCE.csv (HdrHistogram percentile iteration). */
    record Latency(double percentile, double latencyNs, long totalCount) {
    }

    /** A row of read-trace.csv: one read of one thread near its first backward event. */
    record Trace(String source, int thread, double timeNs, double readingNs, double errorNs, int core,
                 boolean migrated, boolean backward, double handedBackNs, int handedBy) {
        /** Whether this read was behind the reading another thread handed over under the lock. */
        boolean handedBack() {
            return handedBackNs > 0;
        }
    }

    /** The thread whose reads read-trace draws: the configured one, else the most backward events. */
    int chosenTraceThread() {
        return traceThread.orElseGet(summary::threadWithMostBackwardEvents);
    }
}
