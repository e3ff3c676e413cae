package org.clocksim.report.chart;

import java.awt.Color;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * latency-SOURCE.csv of every source on one chart, HdrHistogram style: x is the percentile on a log
 * scale of 1/(1−p) (50 %, 90 %, 99 %, 99.9 % … evenly spaced), y the latency in ns on a log scale
 * from the decade below the fastest read to the decade above the slowest, so the tail can be read off
 * a tick. Each source's p50, p99 and maximum are marked on its line and given in the legend.
 */
final class LatencyChart {
    static final String NAME = "latency";

    private LatencyChart() {
    }

    /** Where percentile {@code p} (0–100) sits on the x axis: 1/(1−p); 100 % at one past the total count. */
    static double x(double percentile, long totalCount) {
        if (percentile >= 100) {
            return Math.max(totalCount, 1) * 1.0;
        }
        return Math.min(1 / (1 - percentile / 100), Math.max(totalCount, 1));
    }

    /** At most this many decades of the percentile axis carry a label; more, and every second (third ...) does. */
    private static final int LABELLED_DECADES = 8;

    /** "50%", "99.9%" at 1/(1−p) = 2, 1000; nothing between (so labels never crowd). */
    static String label(double x) {
        return label(x, 1);
    }

    /**
     * The label of every {@code every}-th decade (1/(1−p) = 10, 10^every ...) and of 50 %; none at 0 %, the axis'
     * start, a third of a decade from 50 %.
     */
    static String label(double x, int every) {
        if (Math.abs(x - 2) < 1e-9) {
            return "50%";
        }
        double decade = Math.log10(x);
        if (x <= 1 || Math.abs(decade - Math.rint(decade)) > 1e-9 || (long) Math.rint(decade) % every != 0) {
            return "";
        }
        return new java.math.BigDecimal(100).subtract(java.math.BigDecimal.valueOf(100).movePointLeft((int) Math.rint(decade)))
                .stripTrailingZeros().toPlainString() + "%";
    }

    /** Empty axes: x the percentile on a log scale of 1/(1−p), y ns on a log scale, the legend inside. */
    static XYChart axes(String title, String xTitle, String yTitle) {
        XYChart chart = ChartStyle.xy(title, xTitle, yTitle);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisMin(1.0);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(LatencyChart::label);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(NsUnit::label);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }

    static XYChart build(Results results) {
        String title = "Latency of a read, by percentile — " + results.summary().experiment();
        String xTitle = "percentile (log scale of 1/(1−p))";
        String yTitle = "latency of one call (log scale)";
        XYChart chart = axes(title, xTitle, yTitle);
        double fastest = Double.POSITIVE_INFINITY;
        double slowest = 0;
        for (Map.Entry<String, List<Results.Latency>> e : results.latency().entrySet()) {
            List<Results.Latency> rows = e.getValue();
            if (rows.isEmpty()) {
                continue;
            }
            long total = rows.get(rows.size() - 1).totalCount();
            double[] x = rows.stream().mapToDouble(r -> x(r.percentile(), total)).toArray();
            double[] y = rows.stream().mapToDouble(r -> Math.max(r.latencyNs(), 1e-3)).toArray();
            Color color = ChartStyle.sourceColor(e.getKey());
            double[] marked = marked(rows);
            ChartStyle.line(chart, e.getKey() + ": p50 " + Readable.ns(marked[0]) + ", p99 " + Readable.ns(marked[1])
                    + ", max " + Readable.ns(marked[2]), x, y, color);
            XYSeries marks = ChartStyle.points(chart, e.getKey() + " p50, p99, max",
                    new double[] {x(50, total), x(99, total), x(100, total)},
                    new double[] {Math.max(marked[0], 1e-3), Math.max(marked[1], 1e-3), Math.max(marked[2], 1e-3)},
                    color, SeriesMarkers.CIRCLE);
            marks.setShowInLegend(false);
            fastest = Math.min(fastest, Arrays.stream(y).min().orElse(1));
            slowest = Math.max(slowest, Arrays.stream(y).max().orElse(1));
        }
        long reads = results.latency().values().stream().filter(rows -> !rows.isEmpty())
                .mapToLong(rows -> rows.get(rows.size() - 1).totalCount()).max().orElse(1);
        int every = (int) Math.max(1, Math.ceil(Math.log10(Math.max(reads, 1)) / LABELLED_DECADES));
        chart.getStyler().setXAxisTickLabelsFormattingFunction(x -> label(x, every));
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.floor(Math.log10(slowest)) + 1));
        return chart;
    }

    /** The latency at the 50th and 99th percentile and the maximum, from the rows (HdrHistogram's iteration). */
    static double[] marked(List<Results.Latency> rows) {
        return new double[] {at(rows, 50), at(rows, 99), rows.get(rows.size() - 1).latencyNs()};
    }

    /** The latency of the first row at or above {@code percentile}. */
    private static double at(List<Results.Latency> rows, double percentile) {
        return rows.stream().filter(r -> r.percentile() >= percentile).findFirst()
                .orElse(rows.get(rows.size() - 1)).latencyNs();
    }
}
