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
 * in row i, column j is offset[i] − offset[j], how far core i's counter is ahead of core j's. Beyond
 * {@link CoreAggregation#MAX_CORES} cores the rows are sockets (their mean offset) or the cores
 * furthest from true time.
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

    /** Whether every core's offset is the same at the end of the run (the heatmap would be all zeros). */
    static boolean allAgree(List<Results.Skew> skew) {
        return finalOffsets(skew).values().stream().distinct().count() <= 1;
    }

    static Chart<?, ?> build(Results results) {
        Map<Integer, Double> offsets = finalOffsets(results.skew());
        boolean aggregated = CoreAggregation.aggregates(offsets.size());
        String what = aggregated ? "Counter offsets at the end of the run ("
                + CoreAggregation.heatmapWhat(offsets, socketOf(results.skew())) + ")"
                : "Counter offsets between cores at the end of the run";
        String title = what + " — " + results.summary().experiment();
        List<CoreAggregation.Cell> rows = aggregated
                ? CoreAggregation.heatmapCells(offsets, socketOf(results.skew()))
                : offsets.entrySet().stream().map(e -> new CoreAggregation.Cell("core " + e.getKey(), e.getValue()))
                        .toList();
        String unitOfRow = aggregated && rows.get(0).label().startsWith("socket") ? "socket" : "core";
        double maxAbs = 0;
        for (CoreAggregation.Cell a : rows) {
            for (CoreAggregation.Cell b : rows) {
                maxAbs = Math.max(maxAbs, Math.abs(a.offsetNs() - b.offsetNs()));
            }
        }
        NsUnit unit = NsUnit.fitting(maxAbs);
        List<String> labels = rows.stream().map(CoreAggregation.Cell::label).toList();
        List<Number[]> cells = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            for (int column = 0; column < rows.size(); column++) {
                double difference = rows.get(row).offsetNs() - rows.get(column).offsetNs();
                cells.add(new Number[] {column, row, unit.of(difference)});
            }
        }
        HeatMapChart chart = new HeatMapChart(ChartStyle.WIDTH, ChartStyle.HEIGHT, Styler.ChartTheme.XChart);
        chart.setTitle(title);
        chart.setXAxisTitle("column: " + unitOfRow + " j");
        chart.setYAxisTitle("row: " + unitOfRow + " i   (cell = offset of i − offset of j, " + unit.symbol() + ")");
        ChartStyle.apply(chart.getStyler());
        // a round bound, so the colour bar reads "25" and "-25", not "21.199328"
        double range = ChartStyle.niceBound(unit.of(maxAbs));
        chart.getStyler().setMin(-range).setMax(range)
                .setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)})
                .setShowValue(rows.size() <= MAX_LABELLED_CORES)
                .setHeatMapValueDecimalPattern("#,##0.###")
                .setDrawBorder(true);
        chart.getStyler().setValueFont(ChartStyle.font(java.awt.Font.PLAIN, 13));
        chart.addSeries("offset of row " + unitOfRow + " − column " + unitOfRow + " (" + unit.symbol() + ")", labels,
                labels, cells);
        return chart;
    }

    private static Map<Integer, Integer> socketOf(List<Results.Skew> skew) {
        Map<Integer, Integer> socketOf = new TreeMap<>();
        for (Results.Skew s : skew) {
            socketOf.putIfAbsent(s.core(), s.socket());
        }
        return socketOf;
    }
}
