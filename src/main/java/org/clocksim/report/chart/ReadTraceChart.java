package org.clocksim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * read-trace.csv for one thread: each source's reading minus true time over the window around the
 * thread's first backward event, with reads after a migration and backward reads marked. Time is
 * counted from the first backward read of the first source that has one.
 */
final class ReadTraceChart {
    static final String NAME = "read-trace";

    private ReadTraceChart() {
    }

    static XYChart build(Results results) {
        int thread = results.chosenTraceThread();
        String title = "Reading minus true time around thread " + thread + "'s first backward step — "
                + results.summary().experiment();
        String xTitle = "true time since the first backward read";
        String yTitle = "reading − true time";
        List<Results.Trace> reads = results.trace().stream().filter(r -> r.thread() == thread).toList();
        if (reads.isEmpty()) {
            return ChartStyle.message(title, xTitle, yTitle, results.trace().isEmpty()
                    ? "no backward events to trace" : "no backward events to trace for thread " + thread);
        }
        double origin = reads.stream().filter(Results.Trace::backward).findFirst().orElse(reads.get(0)).timeNs();
        NsUnit time = NsUnit.fitting(reads.stream().mapToDouble(r -> Math.abs(r.timeNs() - origin)).max().orElse(0));
        NsUnit error = NsUnit.fitting(reads.stream().mapToDouble(r -> Math.abs(r.errorNs())).max().orElse(0));
        XYChart chart = ChartStyle.xy(title, xTitle + " (" + time.symbol() + ")",
                yTitle + " (" + error.symbol() + ")");
        List<Results.Trace> migrated = new ArrayList<>();
        List<Results.Trace> backward = new ArrayList<>();
        for (String source : sources(results, reads)) {
            List<Results.Trace> own = reads.stream().filter(r -> r.source().equals(source)).toList();
            XYSeries series = ChartStyle.line(chart, source, x(own, time, origin), y(own, error),
                    ChartStyle.sourceColor(source));
            own.stream().filter(Results.Trace::migrated).forEach(migrated::add);
            own.stream().filter(Results.Trace::backward).forEach(backward::add);
        }
        chart.getStyler().setMarkerSize(9);
        if (!migrated.isEmpty()) {
            ChartStyle.points(chart, "read after a migration", x(migrated, time, origin), y(migrated, error),
                    Color.BLACK, SeriesMarkers.DIAMOND);
        }
        if (!backward.isEmpty()) {
            ChartStyle.points(chart, "backward read", x(backward, time, origin), y(backward, error),
                    ChartStyle.ALARM, SeriesMarkers.CROSS);
        }
        return chart;
    }

    /** The summary's sources that have reads in the trace, then any others, in trace order. */
    private static List<String> sources(Results results, List<Results.Trace> reads) {
        List<String> ordered = new ArrayList<>();
        for (String id : results.summary().sourceIds()) {
            if (reads.stream().anyMatch(r -> r.source().equals(id))) {
                ordered.add(id);
            }
        }
        reads.stream().map(Results.Trace::source).distinct().filter(s -> !ordered.contains(s)).forEach(ordered::add);
        return ordered;
    }

    private static double[] x(List<Results.Trace> reads, NsUnit unit, double origin) {
        return reads.stream().mapToDouble(r -> unit.of(r.timeNs() - origin)).toArray();
    }

    private static double[] y(List<Results.Trace> reads, NsUnit unit) {
        return reads.stream().mapToDouble(r -> unit.of(r.errorNs())).toArray();
    }
}
