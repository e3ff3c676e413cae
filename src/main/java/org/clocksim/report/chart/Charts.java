package org.clocksim.report.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.results.BackwardEventsCsvSummary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Every chart of a results directory worth drawing, by file name (without extension), in the order
 * report.md shows them. A chart that would show nothing (no backward events, no skew samples, cores
 * that agree exactly) is not drawn; a sentence for report.md says why instead.
 */
final class Charts {
    private Charts() {
    }

    /** The charts drawn, by name, and a sentence for each kind not drawn because it would show nothing. */
    record Drawn(Map<String, Chart<?, ?>> charts, List<String> notes) {
        Drawn {
            charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
            notes = List.copyOf(notes);
        }
    }

    static Drawn build(Results results) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        if (results.skew().isEmpty()) {
            notes.add("There are no skew charts: the run took no skew samples (`output.skewSamples` is 0).");
        } else {
            charts.put(SkewChart.ABSOLUTE, SkewChart.fromTrueTime(results));
            if (results.skew().stream().allMatch(s -> s.offsetFromCore0Ns() == 0)) {
                notes.add("There is no skew-core0 chart: every core's counter read the same as core 0's throughout.");
            } else {
                charts.put(SkewChart.RELATIVE, SkewChart.fromCore0(results));
            }
            if (CoreOffsetsChart.allAgree(results.skew())) {
                notes.add("There is no core-offsets chart: every core's counter read the same at the end of the run.");
            } else {
                charts.put(CoreOffsetsChart.NAME, CoreOffsetsChart.build(results));
            }
        }
        if (results.backward().isEmpty()) {
            notes.add(noBackwardCharts(results));
        } else {
            charts.put(BackwardEventsChart.HISTOGRAM, BackwardEventsChart.histogram(results));
            charts.put(BackwardEventsChart.TIMELINE, BackwardEventsChart.timeline(results));
            if (results.trace().stream().noneMatch(r -> r.thread() == results.chosenTraceThread())) {
                notes.add("There is no read-trace chart: thread " + results.chosenTraceThread()
                        + " never went backwards (`output.traceThread` chooses another).");
            } else {
                charts.put(ReadTraceChart.NAME, ReadTraceChart.build(results));
                if (aggregated(results)) {
                    notes.add("Fast mode: the read trace's reads before the first backward step are the last that ran "
                            + "exactly, next to the events before it, with the aggregated reads between them not drawn "
                            + "(docs/PERFORMANCE.md).");
                }
            }
        }
        if (NtpChart.worthDrawing(results)) {
            charts.put(NtpChart.NAME, NtpChart.build(results));
        }
        if (results.latency().values().stream().allMatch(List::isEmpty)) {
            notes.add("There is no latency chart: no source was read.");
        } else {
            charts.put(LatencyChart.NAME, LatencyChart.build(results));
        }
        for (Chart<?, ?> chart : charts.values()) {
            if (chart instanceof XYChart xy) {
                ChartStyle.roundTicks(xy);
            }
        }
        return new Drawn(charts, notes);
    }

    /** Whether fast mode aggregated any of the run's reads. */
    private static boolean aggregated(Results results) {
        return results.summary().summary().sources().values().stream()
                .anyMatch(s -> s.aggregatedFraction() != null && s.aggregatedFraction().signum() > 0);
    }

    private static String noBackwardCharts(Results results) {
        BackwardEventsCsvSummary csv = results.summary().summary().backwardEventsCsv();
        if (csv != null && csv.total() > 0) {
            return "There are no charts of backward steps: backward-events.csv keeps none of the "
                    + Readable.count(csv.total()) + " events (`output.maxBackwardEvents` is 0).";
        }
        return "Nothing went backwards in " + Readable.count(results.summary().reads())
                + " reads, so there are no charts of backward steps (backward-events, backward-timeline, read-trace).";
    }
}
