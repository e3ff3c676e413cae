package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency distributions of one source compared on the run's latency axes ({@link LatencyChart}: x the
 * percentile on a log scale of 1/(1−p), y ns on a log scale): calibrate's measured percentiles as
 * points joined in the source's colour, a simulation's full distribution as a dashed dark line.
 */
public final class PercentileChart {
    private static final Color SIMULATED = new Color(0x222222);

    /** How a line is drawn: measured points in the source's colour, or a simulated distribution. */
    public enum Kind { MEASURED, SIMULATED }

    /**
     * One distribution: its latency at each percentile (0–100, ascending; 100 is the maximum).
     *
     * @param totalCount calls behind it: where 100 % is drawn (one past the last rank)
     */
    public record Line(String label, Kind kind, double[] percentiles, double[] latencyNs, long totalCount) {
        public Line {
            if (percentiles.length != latencyNs.length) {
                throw new IllegalArgumentException("one latency per percentile");
            }
            percentiles = percentiles.clone();
            latencyNs = latencyNs.clone();
        }
    }

    private PercentileChart() {
    }

    /** The lines of {@code source} (its colour) on one chart (the measured line always has its points). */
    public static XYChart build(String title, String source, List<Line> lines) {
        String xTitle = "percentile (log scale of 1/(1−p))";
        String yTitle = "latency of one call (log scale)";
        XYChart chart = LatencyChart.axes(title, xTitle, yTitle);
        Color color = ChartStyle.sourceColor(source);
        double fastest = Double.POSITIVE_INFINITY;
        double slowest = 0;
        for (Line line : lines) {
            if (line.percentiles().length == 0) {
                continue;
            }
            double[] x = new double[line.percentiles().length];
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = LatencyChart.x(line.percentiles()[i], line.totalCount());
                y[i] = Math.max(line.latencyNs()[i], 1e-3);
                fastest = Math.min(fastest, y[i]);
                slowest = Math.max(slowest, y[i]);
            }
            if (line.kind() == Kind.MEASURED) {
                XYSeries series = ChartStyle.line(chart, line.label(), x, y, color);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(color);
            } else {
                XYSeries series = ChartStyle.line(chart, line.label(), x, y, SIMULATED);
                series.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {6, 4}, 0));
            }
        }
        // whole decades around the data, so that the body's level can be read off a labelled tick
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.ceil(Math.log10(slowest * 1.0001))));
        chart.getStyler().setMarkerSize(7);
        ChartStyle.roundTicks(chart);
        return chart;
    }
}
