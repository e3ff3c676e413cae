package org.clocksim.report.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.clocksim.report.chart.ChartStyle;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.clocksim.results.SourceMetric;

/**
 * A metric against the first parameter: each line's means as markers joined by a line, its confidence
 * interval as a vertical bar with caps at each point (drawn as a series of its own, named "LINE CI" and
 * left out of the legend, because XChart's own error bars are one symmetric value per point and break
 * on a log axis), and the engine's closed form, if it has one for this metric, as a dashed black line.
 * With one parameter there is one line per source, in the source's colour; with two, a chart per
 * source with one line per value of the second parameter, in shades of the source's colour.
 */
final class MetricChart {
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS};
    static final String CI_SUFFIX = " CI";
    /** Half the width of a bar's caps, as a fraction of the x axis. */
    private static final double CAP = 0.006;
    /** The config's threshold: a dashed near-black line, apart from the sources' colours. */
    static final Color THRESHOLD = new Color(0x333333);
    /** About what fits on one line of the chart's width in the title font. */
    static final int TITLE_CHARS = 85;

    /** One line: its points' parameter values (base unit) and estimates, in x order. */
    record Line(String name, Color color, Marker marker, double[] x, List<Sweep.Estimate> estimates) {
        double[] means() {
            return estimates.stream().mapToDouble(Sweep.Estimate::mean).toArray();
        }
    }

    private MetricChart() {
    }

    static String name(SourceMetric metric) {
        return "sweep-" + metric.sweepName();
    }

    static String name(SourceMetric metric, String source) {
        return "sweep-" + metric.sweepName() + "-" + source;
    }

    /** One parameter: one line per source that has the metric. */
    static XYChart bySource(Sweep sweep, SourceMetric metric) {
        List<Line> lines = new ArrayList<>();
        for (String source : sweep.sources()) {
            Line line = line(sweep, source, source, ChartStyle.sourceColor(source), SeriesMarkers.CIRCLE, metric,
                    sweep.pointsInOrder());
            if (line.x().length > 0) {
                lines.add(line);
            }
        }
        String title = metric.title() + " vs " + sweep.first().label() + " — " + sweep.experiment();
        if (title.length() > TITLE_CHARS) {
            title = metric.title() + " — " + sweep.experiment(); // the x axis names the parameter
        }
        return draw(sweep, metric, title, lines, closedForm(sweep, metric, null));
    }

    /** Two parameters: for {@code source}, one line per value of the second parameter. */
    static XYChart bySecond(Sweep sweep, SourceMetric metric, String source) {
        Sweep.Parameter second = sweep.second().orElseThrow();
        List<Line> lines = new ArrayList<>();
        Color base = ChartStyle.sourceColor(source);
        List<String> values = second.values();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            List<Sweep.Point> points = sweep.pointsInOrder().stream()
                    .filter(p -> value.equals(p.values().get(second.key()))).toList();
            String name = SweepHeadline.shortKey(second.key()) + " = " + SweepHeadline.shown(sweep, second.key(), value);
            Line line = line(sweep, name, source,
                    shade(base, i, values.size()), MARKERS[i % MARKERS.length], metric, points);
            if (line.x().length > 0) {
                lines.add(line);
            }
        }
        String title = metric.title() + ", " + source + " — " + sweep.experiment();
        return draw(sweep, metric, title, lines, closedForm(sweep, metric, source));
    }

    private static Line line(Sweep sweep, String name, String source, Color color, Marker marker, SourceMetric metric,
                             List<Sweep.Point> points) {
        List<Double> x = new ArrayList<>();
        List<Sweep.Estimate> estimates = new ArrayList<>();
        for (Sweep.Point p : points) {
            Optional<Sweep.Estimate> e = p.estimate(source, metric.sweepName());
            Double value = p.numericValues().get(sweep.first().key());
            if (e.isPresent() && value != null) {
                x.add(value);
                estimates.add(e.get());
            }
        }
        return new Line(name, color, marker, x.stream().mapToDouble(Double::doubleValue).toArray(), estimates);
    }

    private static Optional<Sweep.ClosedForm> closedForm(Sweep sweep, SourceMetric metric, String source) {
        return sweep.closedForm().filter(c -> c.metric().equals(metric.sweepName())
                && (source == null || c.source().equals(source)));
    }

    private static XYChart draw(Sweep sweep, SourceMetric metric, String title, List<Line> lines,
                                Optional<Sweep.ClosedForm> closedForm) {
        String key = sweep.first().key();
        String unit = sweep.unit(key);
        double[] parameterValues = sweep.points().stream()
                .mapToDouble(p -> p.numericValues().getOrDefault(key, 0.0)).toArray();
        AxisScale xs = AxisScale.of(parameterValues, parameterValues, true);
        Optional<double[]> curve = closedForm.map(c -> Arrays.stream(c.y()).map(v -> Math.max(v, 0)).toArray());
        double[] means = concat(lines.stream().map(Line::means), curve.stream());
        double[] drawn = concat(Stream.concat(lines.stream().map(Line::means), lines.stream().flatMap(l -> Stream.of(
                l.estimates().stream().mapToDouble(e -> Math.max(e.ciLow(), 0)).toArray(),
                l.estimates().stream().mapToDouble(Sweep.Estimate::ciHigh).toArray()))),
                curve.stream());
        AxisScale ys = AxisScale.of(means, drawn, false);

        XYChart chart = ChartStyle.xy(title, xTitle(sweep.first().label(), unit, xs, parameterValues),
                yTitle(metric, ys, drawn));
        sweep.first().threshold().ifPresent(t -> {
            XYSeries mark = chart.addSeries(t.label() + " (" + t.shown() + ")", new double[] {t.numeric(), t.numeric()},
                    new double[] {ys.min(), ys.max()});
            mark.setMarker(SeriesMarkers.NONE);
            mark.setLineColor(THRESHOLD);
            mark.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {8, 5}, 0));
        });
        var styler = chart.getStyler();
        styler.setXAxisLogarithmic(xs.log());
        styler.setXAxisLogarithmicDecadeOnly(true);
        styler.setXAxisMin(xs.min());
        styler.setXAxisMax(xs.max());
        styler.setXAxisTickLabelsFormattingFunction(xs.ticks(v -> AxisNumbers.tick(v, unit), "0", parameterValues));
        styler.setYAxisLogarithmic(ys.log());
        styler.setYAxisLogarithmicDecadeOnly(true);
        styler.setYAxisMin(ys.min());
        styler.setYAxisMax(ys.max());
        String yUnit = metric.ns() ? "ns" : "";
        styler.setYAxisTickLabelsFormattingFunction(ys.ticks(v -> AxisNumbers.tick(v, yUnit),
                ys.log() ? "≤ " + AxisNumbers.tick(ys.floor(), yUnit) : "", drawn));
        styler.setMarkerSize(8);

        boolean intervals = lines.stream().anyMatch(l -> l.estimates().stream().anyMatch(e -> e.n() > 1));
        for (Line line : lines) {
            XYSeries mean = chart.addSeries(line.name(), xs.display(line.x()), ys.display(line.means()));
            mean.setLineColor(line.color());
            mean.setLineStyle(new BasicStroke(1.6f));
            mean.setMarker(line.marker());
            mean.setMarkerColor(line.color());
            if (intervals) {
                double[][] bars = bars(line, xs, ys);
                XYSeries ci = chart.addSeries(line.name() + CI_SUFFIX, bars[0], bars[1]);
                ci.setLineColor(line.color());
                ci.setLineStyle(new BasicStroke(1.3f));
                ci.setMarker(SeriesMarkers.NONE);
                ci.setShowInLegend(false);
            }
        }
        closedForm.ifPresent(c -> {
            // a backward step of zero or less is none: the curve is drawn at 0 where the formula goes negative
            double[] y = Arrays.stream(c.y()).map(v -> Math.max(v, 0)).toArray();
            XYSeries dashed = chart.addSeries(c.label().contains("closed form") ? c.label() : c.label() + " (closed form)",
                    xs.display(c.x()), ys.display(y));
            dashed.setLineColor(Color.BLACK);
            dashed.setLineStyle(new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 5f}, 0f));
            dashed.setMarker(SeriesMarkers.NONE);
        });
        legendEntryForBars(chart, sweep, lines, xs, ys, intervals);
        return chart;
    }

    /**
     * The bars of a line as one path with gaps (NaN): for each point a vertical segment from the
     * interval's low to its high end, and a cap at each end; on a log axis ends below the floor are
     * drawn on it.
     */
    static double[][] bars(Line line, AxisScale xs, AxisScale ys) {
        double span = xs.log() ? Math.log10(xs.max() / xs.min()) : xs.max() - xs.min();
        List<double[]> path = new ArrayList<>();
        for (int i = 0; i < line.x().length; i++) {
            double x = xs.display(line.x()[i]);
            double left = xs.log() ? x / Math.pow(10, CAP * span) : x - CAP * span;
            double right = xs.log() ? x * Math.pow(10, CAP * span) : x + CAP * span;
            // every charted figure is a count, a rate or a magnitude: its interval stops at 0
            double low = ys.display(Math.max(line.estimates().get(i).ciLow(), 0));
            double high = ys.display(line.estimates().get(i).ciHigh());
            path.add(new double[] {x, low});
            path.add(new double[] {x, high});
            path.add(new double[] {x, Double.NaN});
            path.add(new double[] {left, high});
            path.add(new double[] {right, high});
            path.add(new double[] {x, Double.NaN});
            path.add(new double[] {left, low});
            path.add(new double[] {right, low});
            path.add(new double[] {x, Double.NaN});
        }
        return new double[][] {path.stream().mapToDouble(p -> p[0]).toArray(),
            path.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** A legend line saying what the bars are (a one-point series draws nothing but its legend entry). */
    private static void legendEntryForBars(XYChart chart, Sweep sweep, List<Line> lines, AxisScale xs, AxisScale ys,
                                           boolean intervals) {
        if (lines.isEmpty()) {
            return;
        }
        String text = intervals
                ? String.format(Locale.ROOT, "bars: %s%% CI, %d replications",
                        AxisNumbers.significant(sweep.confidenceLevel() * 100, 3), sweep.replications())
                : "one replication: no CI";
        Line first = lines.get(0);
        XYSeries entry = chart.addSeries(text, new double[] {xs.display(first.x()[0])},
                new double[] {ys.display(first.means()[0])});
        entry.setLineColor(new Color(0x666666));
        entry.setLineStyle(new BasicStroke(1.3f));
        entry.setMarker(SeriesMarkers.NONE);
    }

    private static String xTitle(String label, String unit, AxisScale xs, double[] values) {
        List<String> notes = new ArrayList<>();
        if (!unit.isEmpty() && !"ns".equals(unit)) {
            notes.add(unit);
        }
        if (xs.log()) {
            notes.add("log scale" + (xs.clamps(values) ? "; 0 drawn at the left" : ""));
        }
        return notes.isEmpty() ? label : label + " (" + String.join(", ", notes) + ")";
    }

    private static String yTitle(SourceMetric metric, AxisScale ys, double[] drawn) {
        String title = metric.title().toLowerCase(Locale.ROOT);
        if (drawn.length > 0 && Arrays.stream(drawn).allMatch(v -> v == 0)) {
            return title + " (0 at every point)";
        }
        if (!ys.log()) {
            return title;
        }
        String floor = AxisNumbers.tick(ys.floor(), metric.ns() ? "ns" : "");
        return title + " (log scale" + (ys.clamps(drawn) ? "; values below " + floor + " drawn at " + floor : "")
                + ")";
    }

    /**
     * Shade {@code i} of {@code n} of a colour: from 30 % darker (towards black) to 40 % lighter (towards
     * white), so light source colours stay visible on white.
     */
    static Color shade(Color base, int i, int n) {
        float t = n <= 1 ? 0 : -0.3f + 0.7f * i / (n - 1);
        return new Color(mix(base.getRed(), t), mix(base.getGreen(), t), mix(base.getBlue(), t));
    }

    private static int mix(int channel, float t) {
        return Math.round(t < 0 ? channel * (1 + t) : channel + (255 - channel) * t);
    }

    private static double[] concat(Stream<double[]> a, Stream<double[]> b) {
        return Stream.concat(a, b).flatMapToDouble(Arrays::stream).toArray();
    }
}
