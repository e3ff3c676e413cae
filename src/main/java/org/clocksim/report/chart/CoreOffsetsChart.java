package org.clocksim.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Core × core heatmap of counter offsets at the end of the run (the last time in skew.csv): the cell
 * in row i, column j is offset[i] − offset[j], how far core i's counter is ahead of core j's.
 */
final class CoreOffsetsChart {
    static final String NAME = "core-offsets";
    /** Above this many cores the values are not printed in the cells. */
    private static final int MAX_LABELLED_CORES = 16;

    private CoreOffsetsChart() {
    }

    /** Each core's offset from true time at the last sample, by core number. */
    static Map<Integer, Double> finalOffsets(List<Results.Skew> skew) {
        double last = skew.stream().mapToDouble(Results.Skew::timeNs).max().orElse(0);
        Map<Integer, Double> offsets = new TreeMap<>();
        for (Results.Skew s : skew) {
            if (s.timeNs() == last) {
                offsets.put(s.core(), s.offsetNs());
            }
        }
        return offsets;
    }

    static Chart<?, ?> build(Results results) {
        String title = "Counter offsets between cores at the end of the run — " + results.summary().experiment();
        Map<Integer, Double> offsets = finalOffsets(results.skew());
        if (offsets.isEmpty()) {
            return ChartStyle.message(title, "core", "core", "no skew samples (output.skewSamples = 0)");
        }
        List<Integer> cores = new ArrayList<>(offsets.keySet());
        double maxAbs = 0;
        for (double a : offsets.values()) {
            for (double b : offsets.values()) {
                maxAbs = Math.max(maxAbs, Math.abs(a - b));
            }
        }
        NsUnit unit = NsUnit.fitting(maxAbs);
        List<String> labels = cores.stream().map(c -> "core " + c).toList();
        List<Number[]> cells = new ArrayList<>();
        for (int row = 0; row < cores.size(); row++) {
            for (int column = 0; column < cores.size(); column++) {
                double difference = offsets.get(cores.get(row)) - offsets.get(cores.get(column));
                cells.add(new Number[] {column, row, unit.of(difference)});
            }
        }
        HeatMapChart chart = new HeatMapChart(ChartStyle.WIDTH, ChartStyle.HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("column: core j");
        chart.setYAxisTitle("row: core i   (cell = offset of i − offset of j, " + unit.symbol() + ")");
        ChartStyle.apply(chart.getStyler());
        double range = Math.max(unit.of(maxAbs), 1e-9);
        chart.getStyler().setMin(-range).setMax(range)
                .setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)})
                .setShowValue(cores.size() <= MAX_LABELLED_CORES)
                .setHeatMapValueDecimalPattern("#,##0.###")
                .setDrawBorder(true);
        chart.getStyler().setValueFont(ChartStyle.font(java.awt.Font.PLAIN, 13));
        chart.addSeries("offset of row core − column core (" + unit.symbol() + ")", labels, labels, cells);
        return chart;
    }
}
