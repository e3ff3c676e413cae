package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.clocksim.results.BackwardSummary;
import org.clocksim.results.SourceSummary;
import org.clocksim.results.Summary;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The charts of {@code clocksim compare A B --out DIR} for two runs, drawn from the two directories'
 * files: for each source both have, the two latency distributions on the run's latency axes (A dashed
 * dark, B in the source's colour); and, when either run went backwards, each source's backward events
 * and largest backward step, A's bar (grey) beside B's (blue).
 */
public final class ComparisonCharts {
    static final String LATENCY_PREFIX = "compare-latency-";
    static final String BACKWARD_EVENTS = "compare-backward-events";
    static final String LARGEST_STEP = "compare-backward-max";
    /** A's line: dashed, near black, beside B's in the source's colour. */
    private static final Color A_LINE = new Color(0x222222);
    /** A's bars grey, B's Okabe–Ito sky blue: told apart with any colour vision, black labels readable on both. */
    private static final Color A_BAR = new Color(0xaaaaaa);
    private static final Color B_BAR = new Color(0x56b4e9);

    /** The charts by file name, and a sentence for each kind of chart left out. */
    public record Drawn(Map<String, Chart<?, ?>> charts, List<String> notes) {
    }

    /** One source's backward figures on one side: its own reads, or the readings handed to it across threads. */
    private record Backward(long events, double maxNs) {
        static final Backward NONE = new Backward(0, 0);
    }

    private ComparisonCharts() {
    }

    /** {@code labelA}, {@code labelB}: what each side is ("A: quickstart, seed 7"), as the legends say. */
    public static Drawn build(Path a, Path b, String labelA, String labelB) throws IOException {
        Results left = ResultsFiles.read(a);
        Results right = ResultsFiles.read(b);
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (String source : left.latency().keySet()) {
            List<Results.Latency> rowsB = right.latency().get(source);
            if (rowsB != null && !left.latency().get(source).isEmpty() && !rowsB.isEmpty()) {
                charts.put(LATENCY_PREFIX + source, latency(source, left.latency().get(source), rowsB, labelA, labelB));
            }
        }
        Map<String, Backward> backwardA = backward(left.summary().summary());
        Map<String, Backward> backwardB = backward(right.summary().summary());
        Set<String> rows = new LinkedHashSet<>(backwardA.keySet());
        rows.addAll(backwardB.keySet());
        boolean any = rows.stream().anyMatch(r -> backwardA.getOrDefault(r, Backward.NONE).events() > 0
                || backwardB.getOrDefault(r, Backward.NONE).events() > 0);
        if (any) {
            List<String> categories = List.copyOf(rows);
            charts.put(BACKWARD_EVENTS, bars("Backward events, A beside B", "backward events", categories,
                    r -> (double) backwardA.getOrDefault(r, Backward.NONE).events(),
                    r -> (double) backwardB.getOrDefault(r, Backward.NONE).events(), labelA, labelB, false));
            charts.put(LARGEST_STEP, bars("Largest backward step, A beside B", "largest backward step", categories,
                    r -> backwardA.getOrDefault(r, Backward.NONE).maxNs(),
                    r -> backwardB.getOrDefault(r, Backward.NONE).maxNs(), labelA, labelB, true));
        } else {
            notes.add("Neither run went backwards, so there are no charts of backward steps.");
        }
        return new Drawn(charts, notes);
    }

    /** Each source's own backward figures, then those across threads ({@code rdtsc across threads}). */
    private static Map<String, Backward> backward(Summary summary) {
        Map<String, Backward> rows = new LinkedHashMap<>();
        for (Map.Entry<String, SourceSummary> e : summary.sources().entrySet()) {
            SourceSummary s = e.getValue();
            if (s.backwardEvents() != null) {
                rows.put(e.getKey(), new Backward(s.backwardEvents(), ns(s.maxBackwardNs())));
            }
        }
        for (Map.Entry<String, BackwardSummary> e : summary.crossThread().entrySet()) {
            rows.put(e.getKey() + " across threads", new Backward(e.getValue().backwardEvents(),
                    ns(e.getValue().maxBackwardNs())));
        }
        return rows;
    }

    private static double ns(BigDecimal ns) {
        return ns == null ? 0 : ns.doubleValue();
    }

    static XYChart latency(String source, List<Results.Latency> a, List<Results.Latency> b, String labelA,
                           String labelB) {
        XYChart chart = LatencyChart.axes("Latency of " + source + ", by percentile: A and B",
                "percentile (log scale of 1/(1−p))", "latency of one call (log scale)");
        double fastest = Double.POSITIVE_INFINITY;
        double slowest = 0;
        for (boolean sideA : new boolean[] {true, false}) {
            List<Results.Latency> rows = sideA ? a : b;
            long total = rows.get(rows.size() - 1).totalCount();
            double[] x = rows.stream().mapToDouble(r -> LatencyChart.x(r.percentile(), total)).toArray();
            double[] y = rows.stream().mapToDouble(r -> Math.max(r.latencyNs(), 1e-3)).toArray();
            double[] marked = LatencyChart.marked(rows);
            XYSeries line = ChartStyle.line(chart, (sideA ? labelA : labelB) + ": p50 " + Readable.ns(marked[0])
                    + ", p99 " + Readable.ns(marked[1]) + ", max " + Readable.ns(marked[2]), x, y,
                    sideA ? A_LINE : ChartStyle.sourceColor(source));
            if (sideA) {
                line.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                        new float[] {6, 4}, 0));
            }
            for (double v : y) {
                fastest = Math.min(fastest, v);
                slowest = Math.max(slowest, v);
            }
        }
        chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(fastest))));
        chart.getStyler().setYAxisMax(Math.pow(10, Math.floor(Math.log10(slowest)) + 1));
        return chart;
    }

    /** A bar per side for each row; {@code durations}: values in ns, drawn in the unit that fits them. */
    private static CategoryChart bars(String title, String yTitle, List<String> rows,
                                      ToDoubleFunction<String> a,
                                      ToDoubleFunction<String> b, String labelA, String labelB,
                                      boolean durations) {
        double[] valuesA = rows.stream().mapToDouble(a).toArray();
        double[] valuesB = rows.stream().mapToDouble(b).toArray();
        double largest = Math.max(Arrays.stream(valuesA).max().orElse(0),
                Arrays.stream(valuesB).max().orElse(0));
        NsUnit unit = NsUnit.fitting(largest);
        double scale = durations ? unit.ns() : 1;
        CategoryChart chart = new CategoryChart(ChartStyle.WIDTH, ChartStyle.HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle("source");
        chart.setYAxisTitle(durations ? yTitle + " (" + unit.symbol() + ")" : yTitle);
        ChartStyle.apply(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setOverlapped(false);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(ChartStyle.font(Font.PLAIN, 12));
        chart.getStyler().setLabelsPosition(1.0);
        chart.getStyler().setLabelsFontColorAutomaticEnabled(false);
        chart.getStyler().setLabelsFontColor(Color.BLACK);
        chart.getStyler().setYAxisTickLabelsFormattingFunction(v -> durations
                ? BigDecimal.valueOf(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString()
                : Readable.count(Math.round(v)));
        // room above the tallest bar for its label
        chart.getStyler().setYAxisMax(largest == 0 ? 1.0 : ChartStyle.niceBound(largest / scale * 1.08));
        CategorySeries seriesA = chart.addSeries(labelA, rows, scaled(valuesA, scale));
        seriesA.setFillColor(A_BAR);
        CategorySeries seriesB = chart.addSeries(labelB, rows, scaled(valuesB, scale));
        seriesB.setFillColor(B_BAR);
        return chart;
    }

    private static List<Double> scaled(double[] values, double scale) {
        return Arrays.stream(values).map(v -> v / scale).boxed().toList();
    }
}
