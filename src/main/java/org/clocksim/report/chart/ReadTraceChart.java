package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * read-trace.csv for one thread: reading minus true time over the window around the thread's first
 * backward event. Time is counted from the first backward read. The lines break where the thread did
 * not read (a migration gap, other threads holding the lock), rather than drawing through it.
 *
 * <p>When the thread's backward reads were readings handed over by another thread (lock hand-off),
 * the chart draws the hand-off pair instead, for the first source that went back: the thread's own
 * readings, the readings handed to it (its reading plus the step, from read-trace.csv), and each
 * step between them as a vertical line. Otherwise each source's readings, with reads after a
 * migration and backward reads marked.
 */
final class ReadTraceChart {
    static final String NAME = "read-trace";
    /** A gap between two reads longer than this many times the median gap breaks the line. */
    private static final double GAP_FACTOR = 10;

    private ReadTraceChart() {
    }

    static XYChart build(Results results) {
        int thread = results.chosenTraceThread();
        List<Results.Trace> reads = results.trace().stream().filter(r -> r.thread() == thread).toList();
        double origin = reads.stream().filter(Results.Trace::backward).findFirst().orElse(reads.get(0)).timeNs();
        Optional<String> handOff = reads.stream().filter(Results.Trace::handedBack).map(Results.Trace::source)
                .findFirst();
        return handOff.isPresent() ? handOff(results, thread, reads.stream()
                .filter(r -> r.source().equals(handOff.get())).toList(), origin)
                : ownReads(results, thread, reads, origin);
    }

    private static XYChart ownReads(Results results, int thread, List<Results.Trace> reads, double origin) {
        NsUnit time = timeUnit(reads, origin);
        NsUnit error = NsUnit.fitting(reads.stream().mapToDouble(r -> Math.abs(r.errorNs())).max().orElse(0));
        XYChart chart = ChartStyle.xy("Reading minus true time around thread " + thread + "'s first backward step — "
                + results.summary().experiment(), "true time since the first backward read (" + time.symbol() + ")",
                "reading − true time (" + error.symbol() + ")");
        List<Results.Trace> migrated = new ArrayList<>();
        List<Results.Trace> backward = new ArrayList<>();
        for (String source : sources(results, reads)) {
            List<Results.Trace> own = reads.stream().filter(r -> r.source().equals(source)).toList();
            brokenLine(chart, source, own, time, error, origin, ChartStyle.sourceColor(source));
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

    private static XYChart handOff(Results results, int thread, List<Results.Trace> reads,
                                   double origin) {
        String source = reads.get(0).source();
        List<Results.Trace> steps = reads.stream().filter(Results.Trace::handedBack).toList();
        NsUnit time = timeUnit(reads, origin);
        NsUnit error = NsUnit.fitting(steps.stream().mapToDouble(r -> Math.abs(r.errorNs())
                + r.handedBackNs()).max().orElse(0));
        int from = steps.get(0).handedBy();
        double largest = steps.stream().mapToDouble(Results.Trace::handedBackNs).max().orElse(0);
        XYChart chart = ChartStyle.xy("Readings handed to thread " + thread + " under a lock, and its own — "
                + source + ", " + results.summary().experiment(),
                "true time since thread " + thread + "'s first backward read (" + time.symbol() + ")",
                "reading − true time (" + error.symbol() + ")");
        Color color = ChartStyle.sourceColor(source);
        XYSeries own = brokenLine(chart, "thread " + thread + "'s own readings", reads, time, error, origin, color);
        own.setMarker(SeriesMarkers.CIRCLE);
        own.setMarkerColor(color);
        double[] stepX = new double[steps.size() * 3];
        double[] stepY = new double[steps.size() * 3];
        double[] handedX = new double[steps.size()];
        double[] handedY = new double[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Results.Trace r = steps.get(i);
            double x = time.of(r.timeNs() - origin);
            double before = error.of(r.errorNs() + r.handedBackNs());
            handedX[i] = x;
            handedY[i] = before;
            stepX[3 * i] = x;
            stepY[3 * i] = before;
            stepX[3 * i + 1] = x;
            stepY[3 * i + 1] = error.of(r.errorNs());
            stepX[3 * i + 2] = x;
            stepY[3 * i + 2] = Double.NaN;
        }
        XYSeries step = ChartStyle.line(chart, "step back (up to " + Readable.ns(largest) + ")", stepX, stepY,
                ChartStyle.ALARM);
        step.setLineStyle(new BasicStroke(1.2f));
        ChartStyle.points(chart, "the reading thread " + from + " handed over (its value − true time now)",
                handedX, handedY, ChartStyle.MARKER, SeriesMarkers.TRIANGLE_DOWN);
        chart.getStyler().setMarkerSize(6);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return chart;
    }

    /** A line through the reads that breaks (NaN) where the thread went without reading for long. */
    private static XYSeries brokenLine(XYChart chart, String name, List<Results.Trace> reads, NsUnit time,
                                       NsUnit error, double origin, Color color) {
        double[] gaps = new double[Math.max(reads.size() - 1, 0)];
        for (int i = 1; i < reads.size(); i++) {
            gaps[i - 1] = reads.get(i).timeNs() - reads.get(i - 1).timeNs();
        }
        double[] sorted = gaps.clone();
        Arrays.sort(sorted);
        double limit = sorted.length == 0 ? Double.POSITIVE_INFINITY : sorted[sorted.length / 2] * GAP_FACTOR;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            if (i > 0 && gaps[i - 1] > limit) {
                points.add(new double[] {time.of((reads.get(i - 1).timeNs() + reads.get(i).timeNs()) / 2 - origin),
                        Double.NaN});
            }
            points.add(new double[] {time.of(reads.get(i).timeNs() - origin), error.of(reads.get(i).errorNs())});
        }
        return ChartStyle.line(chart, name, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(), color);
    }

    private static NsUnit timeUnit(List<Results.Trace> reads, double origin) {
        return NsUnit.fitting(reads.stream().mapToDouble(r -> Math.abs(r.timeNs() - origin)).max().orElse(0));
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
