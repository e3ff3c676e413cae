package org.clocksim.report.chart;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * latency-SOURCE.csv of every source on one chart, HdrHistogram style: x is the percentile on a log
 * scale of 1/(1−p) (50 %, 90 %, 99 %, 99.9 % … evenly spaced), y the latency in ns on a log scale.
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

    /** "50%", "99.9%" at 1/(1−p) = 2, 1000; nothing between (so labels never crowd). */
    static String label(double x) {
        if (Math.abs(x - 2) < 1e-9) {
            return "50%";
        }
        double decade = Math.log10(x);
        if (x < 1 || Math.abs(decade - Math.rint(decade)) > 1e-9) {
            return "";
        }
        if (decade == 0) {
            return "0%";
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
        if (results.latency().values().stream().allMatch(List::isEmpty)) {
            return ChartStyle.message(title, xTitle, yTitle, "no reads");
        }
        XYChart chart = axes(title, xTitle, yTitle);
        for (Map.Entry<String, List<Results.Latency>> e : results.latency().entrySet()) {
            List<Results.Latency> rows = e.getValue();
            if (rows.isEmpty()) {
                continue;
            }
            long total = rows.get(rows.size() - 1).totalCount();
            double[] x = rows.stream().mapToDouble(r -> x(r.percentile(), total)).toArray();
            double[] y = rows.stream().mapToDouble(r -> Math.max(r.latencyNs(), 1e-3)).toArray();
            ChartStyle.line(chart, e.getKey(), x, y, ChartStyle.sourceColor(e.getKey()));
        }
        return chart;
    }
}
