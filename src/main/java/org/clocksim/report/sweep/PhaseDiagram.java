package org.clocksim.report.sweep;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clocksim.report.chart.ChartStyle;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.clocksim.results.SourceMetric;

/**
 * Two parameters: one heatmap per source of a metric (backward events per million reads), x the first
 * parameter's values and y the second's in sweep order, each cell labelled with the mean over the
 * replications. Colours are bands (see {@link Bands}) shared by every source's map, so the same colour
 * means the same range on each: the phase diagram of where a source starts going backwards.
 */
final class PhaseDiagram {
    /** Light grey for zero, then yellow to dark red (ColorBrewer YlOrRd). */
    private static final Color ZERO = new Color(0xf0f0f0);
    private static final Color[] RAMP = {new Color(0xffffb2), new Color(0xfed976), new Color(0xfeb24c),
        new Color(0xfd8d3c), new Color(0xfc4e2a), new Color(0xe31a1c), new Color(0xb10026)};
    private static final String MISSING = "–";

    private PhaseDiagram() {
    }

    static String name(String source) {
        return "sweep-heatmap-" + source;
    }

    /** The bands for {@code metric} over every source and point, so all maps of the sweep share them. */
    static Bands bands(Sweep sweep, SourceMetric metric) {
        return Bands.of(sweep.points().stream().flatMap(p -> p.metrics().values().stream())
                .filter(m -> m.containsKey(metric.sweepName())).mapToDouble(m -> m.get(metric.sweepName()).mean()).toArray());
    }

    static LabelledHeatMap build(Sweep sweep, SourceMetric metric, String source, Bands bands) {
        Sweep.Parameter first = sweep.first();
        Sweep.Parameter second = sweep.second().orElseThrow();
        Color[] colours = colours(bands.count());
        int columns = first.values().size();
        int rows = second.values().size();
        String[][] labels = new String[columns][rows];
        Color[][] fills = new Color[columns][rows];
        List<Number[]> cells = new ArrayList<>();
        for (int x = 0; x < columns; x++) {
            for (int y = 0; y < rows; y++) {
                Optional<Sweep.Estimate> e = estimate(sweep, first.values().get(x), second.values().get(y), source,
                        metric);
                if (e.isEmpty()) {
                    labels[x][y] = MISSING;
                    continue;
                }
                int band = bands.of(e.get().mean());
                cells.add(new Number[] {x, y, band + 0.5});
                labels[x][y] = AxisNumbers.significant(e.get().mean(), 3);
                fills[x][y] = colours[band];
            }
        }
        LabelledHeatMap chart = new LabelledHeatMap(ChartStyle.WIDTH, ChartStyle.HEIGHT, labels, fills,
                mark(sweep, first), mark(sweep, second));
        chart.setTitle(metric.title() + ", " + source + " — " + sweep.experiment());
        // the cells are labelled "3.16 µs", "1000/s": the unit is in the tick
        chart.setXAxisTitle(first.label());
        chart.setYAxisTitle(second.label());
        HeatMapStyler styler = chart.getStyler();
        ChartStyle.apply(styler);
        styler.setPlotGridLinesVisible(false);
        styler.setShowValue(false);
        styler.setPiecewise(true);
        styler.setPiecewiseRanged(false);
        styler.setSplitNumber(bands.count());
        styler.setRangeColors(colours);
        styler.setHeatMapDecimalValueFormatter(v -> bands.label((int) Math.floor(v)));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setDrawBorder(true);
        // every column and row labelled (the transition can sit at any of them), times in their unit
        styler.setXAxisTickMarkSpacingHint(20);
        styler.setYAxisTickMarkSpacingHint(20);
        chart.addSeries(metric.title() + " (mean)", shown(sweep, first), shown(sweep, second), cells)
                .setMin(0).setMax(bands.count());
        return chart;
    }

    private static Optional<Sweep.Estimate> estimate(Sweep sweep, String x, String y, String source, SourceMetric metric) {
        return sweep.points().stream()
                .filter(p -> x.equals(p.values().get(sweep.first().key()))
                        && y.equals(p.values().get(sweep.second().orElseThrow().key())))
                .findFirst().flatMap(p -> p.estimate(source, metric.sweepName()));
    }

    private static List<String> shown(Sweep sweep, Sweep.Parameter p) {
        return p.values().stream().map(v -> SweepHeadline.shown(sweep, p.key(), v)).toList();
    }

    /**
     * Where {@code p}'s threshold falls among its columns (or rows): between the two values around it, on a
     * log scale when the values span two decades or more (as a log range does), else linearly; none when
     * the parameter has no threshold or it lies outside the values.
     */
    static Optional<LabelledHeatMap.Mark> mark(Sweep sweep, Sweep.Parameter p) {
        if (p.threshold().isEmpty()) {
            return Optional.empty();
        }
        Sweep.Threshold t = p.threshold().get();
        double[] v = p.values().stream().mapToDouble(value -> sweep.points().stream()
                .filter(point -> value.equals(point.values().get(p.key()))).findFirst()
                .map(point -> point.numericValues().getOrDefault(p.key(), Double.NaN)).orElse(Double.NaN)).toArray();
        boolean log = Arrays.stream(v).allMatch(x -> x > 0)
                && Arrays.stream(v).max().orElse(1) / Arrays.stream(v).min().orElse(1) >= 100;
        for (int i = 0; i + 1 < v.length; i++) {
            double low = Math.min(v[i], v[i + 1]);
            double high = Math.max(v[i], v[i + 1]);
            if (t.numeric() >= low && t.numeric() <= high && high > low) {
                double at = log ? Math.log(t.numeric() / v[i]) / Math.log(v[i + 1] / v[i])
                        : (t.numeric() - v[i]) / (v[i + 1] - v[i]);
                return Optional.of(new LabelledHeatMap.Mark(i + at, t.label() + " (" + t.shown() + ")"));
            }
        }
        return Optional.empty();
    }

    /** Grey for the zero band, then {@code count − 1} colours spread over the ramp. */
    static Color[] colours(int count) {
        Color[] colours = new Color[count];
        colours[0] = ZERO;
        for (int i = 1; i < count; i++) {
            double at = count == 2 ? RAMP.length - 1 : (i - 1) * (RAMP.length - 1.0) / (count - 2);
            int low = (int) Math.floor(at);
            int high = Math.min(low + 1, RAMP.length - 1);
            double t = at - low;
            colours[i] = new Color(lerp(RAMP[low].getRed(), RAMP[high].getRed(), t),
                    lerp(RAMP[low].getGreen(), RAMP[high].getGreen(), t), lerp(RAMP[low].getBlue(), RAMP[high].getBlue(), t));
        }
        return colours;
    }

    private static int lerp(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
