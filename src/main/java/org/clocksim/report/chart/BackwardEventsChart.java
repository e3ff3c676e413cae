package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.results.BackwardEventsCsvSummary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * backward-events.csv drawn two ways: a histogram of magnitudes per source on log-scaled bins from
 * 1 ns to 1 s (chart {@code backward-events}), and a timeline of magnitude against true time (chart
 * {@code backward-timeline}) where bursts after a migration or a clocksource switch show. Cross-thread
 * events (lock hand-off) are a series of their own, in the source's colour, dashed or hollow.
 * Drawn only when there are events ({@link Charts} says so in report.md otherwise).
 */
final class BackwardEventsChart {
    static final String HISTOGRAM = "backward-events";
    static final String TIMELINE = "backward-timeline";
    /** Bins per factor of ten, from 10^0 ns to 10^9 ns. */
    static final int BINS_PER_DECADE = 5;
    static final int DECADES = 9;
    /** Beyond this many events of a series the timeline keeps, per time slice, the smallest and largest. */
    static final int TIMELINE_SLICES = 1000;


    private BackwardEventsChart() {
    }

    /** The lower edge of bin {@code i} (the upper edge of the last bin is 1 s), in ns. */
    static double binEdge(int i) {
        return Math.pow(10, (double) i / BINS_PER_DECADE);
    }

    /**
     * The histogram's outline as x (bin edges, ns) and y (counts) arrays: a step up and down around
     * each bin, from one empty bin before the first non-empty one to one after the last.
     */
    static double[][] outline(long[] counts) {
        int first = 0;
        while (first < counts.length - 1 && counts[first] == 0) {
            first++;
        }
        int last = counts.length - 1;
        while (last > first && counts[last] == 0) {
            last--;
        }
        int from = Math.max(first - 1, 0);
        int to = Math.min(last + 1, counts.length - 1);
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {binEdge(from), 0});
        for (int i = from; i <= to; i++) {
            points.add(new double[] {binEdge(i), counts[i]});
            points.add(new double[] {binEdge(i + 1), counts[i]});
        }
        points.add(new double[] {binEdge(to + 1), 0});
        return new double[][] {points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()};
    }

    /** The x range of the histogram: whole decades around the data, at least three, within 1 ns … 1 s. */
    static double[] decadesAround(double[] magnitudesNs) {
        double min = Arrays.stream(magnitudesNs).min().orElse(1);
        double max = Arrays.stream(magnitudesNs).max().orElse(1);
        int low = (int) Math.floor(Math.log10(Math.max(min, 1)));
        int high = Math.max((int) Math.ceil(Math.log10(Math.max(max, 1))), low + 1);
        low = Math.max(0, Math.min(low - 1, high - 3));
        high = Math.min(DECADES, Math.max(high + 1, low + 3));
        return new double[] {Math.pow(10, low), Math.pow(10, high)};
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f);
    }

    /** Counts of {@code magnitudesNs} per bin; values below 1 ns count in the first, above 1 s in the last. */
    static long[] histogram(double[] magnitudesNs) {
        long[] counts = new long[BINS_PER_DECADE * DECADES];
        for (double m : magnitudesNs) {
            int bin = m <= 1 ? 0 : (int) Math.floor(Math.log10(m) * BINS_PER_DECADE);
            counts[Math.min(Math.max(bin, 0), counts.length - 1)]++;
        }
        return counts;
    }

    static XYChart histogram(Results results) {
        String title = "Backward steps by magnitude — " + results.summary().experiment();
        Map<String, List<Results.Backward>> series = bySeries(results);
        XYChart chart = ChartStyle.xy(title, "magnitude of the backward step (log scale, "
                + BINS_PER_DECADE + " bins per decade)", capped(results) ? "sampled events per bin (" + sample(results)
                + ")" : "events per bin");
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setXAxisLogarithmicDecadeOnly(true);
        double[] decades = decadesAround(results.backward().stream()
                .mapToDouble(Results.Backward::magnitudeNs).toArray());
        chart.getStyler().setXAxisMin(decades[0]);
        chart.getStyler().setXAxisMax(decades[1]);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(NsUnit::label);
        int widest = series.size() - 1;
        boolean bothKinds = results.backward().stream().map(Results.Backward::kind).distinct().count() > 1;
        for (Map.Entry<String, List<Results.Backward>> e : series.entrySet()) {
            long[] counts = histogram(e.getValue().stream().mapToDouble(Results.Backward::magnitudeNs).toArray());
            double[][] outline = outline(counts);
            Results.Backward first = e.getValue().get(0);
            XYSeries s = ChartStyle.line(chart, e.getKey(), outline[0], outline[1],
                    ChartStyle.sourceColor(first.source()));
            // earlier series drawn wider, so identical histograms of two sources both show
            float width = 1.6f + 2.2f * widest--;
            s.setLineStyle(first.crossThread() && bothKinds ? dashed(width) : new BasicStroke(width));
        }
        return chart;
    }

    static XYChart timeline(Results results) {
        String title = "Backward steps over the run — " + results.summary().experiment();
        Map<String, List<Results.Backward>> series = bySeries(results);
        double end = results.summary().summary().durationNs().doubleValue();
        NsUnit time = NsUnit.fitting(end);
        String xTitle = "true time (" + time.symbol() + ")";
        if (capped(results)) {
            xTitle += " — " + sample(results);
        }
        double[] magnitudes = results.backward().stream().mapToDouble(Results.Backward::magnitudeNs).toArray();
        double smallest = Math.max(Arrays.stream(magnitudes).min().orElse(1), 1e-3);
        double largest = Arrays.stream(magnitudes).max().orElse(1);
        boolean log = largest / smallest >= 10;
        NsUnit magnitude = log ? NsUnit.NS : NsUnit.fitting(largest);
        XYChart chart = ChartStyle.xy(title, xTitle, "magnitude of the backward step "
                + (log ? "(log scale)" : "(" + magnitude.symbol() + ")"));
        if (log) {
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisTickLabelsFormattingFunction(NsUnit::label);
        }
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(time.of(end));
        for (Map.Entry<String, List<Results.Backward>> e : series.entrySet()) {
            List<Results.Backward> kept = thin(e.getValue(), end);
            double[] x = kept.stream().mapToDouble(b -> time.of(b.timeNs())).toArray();
            double[] y = kept.stream().mapToDouble(b -> magnitude.of(Math.max(b.magnitudeNs(), 1e-3))).toArray();
            Results.Backward first = e.getValue().get(0);
            ChartStyle.points(chart, e.getKey(), x, y, ChartStyle.sourceColor(first.source()),
                    first.crossThread() ? SeriesMarkers.TRIANGLE_UP : SeriesMarkers.CIRCLE);
        }
        chart.getStyler().setMarkerSize(5);
        KernelMarkers.addSwitches(chart, results.summary().kernelEvents(), time, magnitude.of(largest));
        return chart;
    }

    /**
     * The events to draw: all of them up to {@link #TIMELINE_SLICES}; beyond, the smallest and the
     * largest of each of that many equal slices of the run, so the extremes and the bursts stay visible.
     */
    static List<Results.Backward> thin(List<Results.Backward> events, double endNs) {
        if (events.size() <= TIMELINE_SLICES) {
            return events;
        }
        Results.Backward[] smallest = new Results.Backward[TIMELINE_SLICES];
        Results.Backward[] largest = new Results.Backward[TIMELINE_SLICES];
        for (Results.Backward b : events) {
            int slice = (int) Math.min(TIMELINE_SLICES - 1, Math.max(0, b.timeNs() / endNs * TIMELINE_SLICES));
            if (smallest[slice] == null || b.magnitudeNs() < smallest[slice].magnitudeNs()) {
                smallest[slice] = b;
            }
            if (largest[slice] == null || b.magnitudeNs() > largest[slice].magnitudeNs()) {
                largest[slice] = b;
            }
        }
        List<Results.Backward> kept = new ArrayList<>();
        for (int i = 0; i < TIMELINE_SLICES; i++) {
            if (smallest[i] != null) {
                kept.add(smallest[i]);
                if (largest[i] != smallest[i]) {
                    kept.add(largest[i]);
                }
            }
        }
        return kept;
    }

    /** "a uniform sample of M of N events": what backward-events.csv holds when it is {@link #capped}. */
    private static String sample(Results results) {
        BackwardEventsCsvSummary csv = results.summary().summary().backwardEventsCsv();
        return "a uniform sample of " + Readable.count(csv.rows()) + " of " + Readable.count(csv.total()) + " events";
    }

    /** Whether backward-events.csv holds fewer rows than there were events. */
    private static boolean capped(Results results) {
        BackwardEventsCsvSummary csv = results.summary().summary().backwardEventsCsv();
        return csv != null && csv.capped();
    }

    /** Events grouped by source (in the summary's order), then thread events before cross-thread ones. */
    private static Map<String, List<Results.Backward>> bySeries(Results results) {
        Map<String, List<Results.Backward>> series = new LinkedHashMap<>();
        for (String kind : List.of("thread", Results.Backward.CROSS_THREAD)) {
            for (String source : results.summary().sourceIds()) {
                for (Results.Backward b : results.backward()) {
                    if (b.source().equals(source) && b.kind().equals(kind)) {
                        series.computeIfAbsent(seriesName(b), k -> new ArrayList<>()).add(b);
                    }
                }
            }
        }
        return series;
    }

    private static String seriesName(Results.Backward b) {
        return b.crossThread() ? b.source() + " (cross-thread)" : b.source();
    }
}
