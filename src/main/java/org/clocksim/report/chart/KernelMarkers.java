package org.clocksim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Marks the kernel's events on a chart over true time: a labelled vertical line per clocksource
 * switch, a point per watchdog check along the top (red when its verdict is not ok), and a point per
 * sync-check compensation at boot on the compensated core's line.
 */
final class KernelMarkers {
    private KernelMarkers() {
    }

    static void addTo(XYChart chart, List<SummaryView.KernelEvent> events, NsUnit time, NsUnit offset,
                      List<Results.Skew> skew, ToDoubleFunction<Results.Skew> value) {
        double top = skew.stream().mapToDouble(value).max().orElse(0);
        double bottom = skew.stream().mapToDouble(value).min().orElse(0);
        double markerY = offset.of(top + (top - bottom) * 0.04);
        double labelY = offset.of(top - (top - bottom) * 0.04);
        List<double[]> watchOk = new ArrayList<>();
        List<double[]> watchBad = new ArrayList<>();
        List<double[]> sync = new ArrayList<>();
        Map<Integer, Double> atBoot = offsetsAtBoot(skew, value);
        for (SummaryView.KernelEvent e : events) {
            double x = time.of(e.timeNs());
            switch (e.type()) {
                case SWITCH -> switchLine(chart, e, x, labelY);
                case WATCHDOG -> (e.notable() ? watchBad : watchOk).add(new double[] {x, markerY});
                case SYNC_CHECK -> sync.add(new double[] {x, offset.of(atBoot.getOrDefault(e.cpu(), 0.0))});
            }
        }
        addPoints(chart, "watchdog check: ok", watchOk, ChartStyle.OK, SeriesMarkers.TRIANGLE_DOWN);
        addPoints(chart, "watchdog check: unstable", watchBad, ChartStyle.ALARM, SeriesMarkers.TRIANGLE_DOWN);
        addPoints(chart, "sync-check compensation", sync, ChartStyle.MARKER, SeriesMarkers.DIAMOND);
        chart.getStyler().setAnnotationLineColor(ChartStyle.MARKER);
    }

    /** Only the clocksource switches, labelled at height {@code labelY}: for charts not of the cores' offsets. */
    static void addSwitches(XYChart chart, List<SummaryView.KernelEvent> events, NsUnit time, double labelY) {
        for (SummaryView.KernelEvent e : events) {
            if (e.type() == SummaryView.KernelEvent.Type.SWITCH) {
                switchLine(chart, e, time.of(e.timeNs()), labelY);
            }
        }
        chart.getStyler().setAnnotationLineColor(ChartStyle.MARKER);
    }

    private static void switchLine(XYChart chart, SummaryView.KernelEvent e, double x, double labelY) {
        chart.addAnnotation(new AnnotationLine(x, true, false));
        chart.addAnnotation(new AnnotationText("clocksource " + e.what(), x, labelY, false));
    }

    /** Each core's first sample (one pass over the samples: a machine may have thousands of compensated cores). */
    private static Map<Integer, Double> offsetsAtBoot(List<Results.Skew> skew, ToDoubleFunction<Results.Skew> value) {
        Map<Integer, Double> first = new HashMap<>();
        for (Results.Skew s : skew) {
            first.putIfAbsent(s.core(), value.applyAsDouble(s));
        }
        return first;
    }

    private static void addPoints(XYChart chart, String name, List<double[]> points, Color color,
                                  org.knowm.xchart.style.markers.Marker marker) {
        if (points.isEmpty()) {
            return;
        }
        double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
        ChartStyle.points(chart, name, x, y, color, marker);
    }
}
