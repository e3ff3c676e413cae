package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Intervals that bound an offset, one per pair of CPUs, as vertical bars around a zero line: what
 * calibrate's warp test resolves (an interval that excludes 0 is an offset, drawn in the alarm colour).
 */
public final class OffsetBoundsChart {
    private static final Color CONTAINS_ZERO = new Color(0x1f4e99);

    /** B's offset from A lies in [lowNs, highNs]; {@code label} names the pair ("0 → 1"). */
    public record Bound(String label, double lowNs, double highNs) {
        public boolean excludesZero() {
            return lowNs > 0 || highNs < 0;
        }
    }

    private OffsetBoundsChart() {
    }

    public static XYChart build(String title, List<Bound> bounds) {
        String xTitle = "CPU pair (A → B)";
        double maxAbs = bounds.stream().mapToDouble(b -> Math.max(Math.abs(b.lowNs()), Math.abs(b.highNs()))).max()
                .orElse(1);
        NsUnit unit = NsUnit.fitting(maxAbs);
        XYChart chart = ChartStyle.xy(title, xTitle, "offset of B's counter from A's (" + unit.symbol() + ")");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setXAxisMin(0.5);
        chart.getStyler().setXAxisMax(bounds.size() + 0.5);
        // the pairs are named on their bars: the axis's ticks would fall between them
        chart.getStyler().setXAxisTickLabelsFormattingFunction(x -> "");
        double top = bounds.stream().mapToDouble(b -> unit.of(b.highNs())).max().orElse(0);
        double bottom = bounds.stream().mapToDouble(b -> unit.of(b.lowNs())).min().orElse(0);
        double pad = Math.max(top - bottom, 1e-9) * 0.12;
        chart.getStyler().setYAxisMax(Math.max(top, 0) + pad);
        chart.getStyler().setYAxisMin(Math.min(bottom, 0) - pad);
        XYSeries zero = ChartStyle.line(chart, "0", new double[] {0.5, bounds.size() + 0.5}, new double[] {0, 0},
                ChartStyle.MARKER);
        zero.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 4}, 0));
        for (int i = 0; i < bounds.size(); i++) {
            Bound b = bounds.get(i);
            Color color = b.excludesZero() ? ChartStyle.ALARM : CONTAINS_ZERO;
            XYSeries bar = ChartStyle.line(chart, b.label(), new double[] {i + 1, i + 1},
                    new double[] {unit.of(b.lowNs()), unit.of(b.highNs())}, color);
            bar.setLineStyle(new BasicStroke(4f));
            bar.setMarker(SeriesMarkers.DIAMOND);
            bar.setMarkerColor(color);
            chart.addAnnotation(new AnnotationText(b.label() + ": [" + NsUnit.label(b.lowNs()) + ", "
                    + NsUnit.label(b.highNs()) + "]", i + 1, unit.of(b.highNs()) + pad / 2, false));
        }
        return chart;
    }
}
