package org.clocksim.report.chart;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * skew.csv over the run: each core's counter offset from true time (chart {@code skew}) and from core
 * 0 (chart {@code skew-core0}), one line per core coloured by socket, kernel events marked.
 */
final class SkewChart {
    static final String ABSOLUTE = "skew";
    static final String RELATIVE = "skew-core0";
    private static final java.awt.BasicStroke DASHED = new java.awt.BasicStroke(1.6f, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);

    private SkewChart() {
    }

    static XYChart fromTrueTime(Results results) {
        return build(results, "Counter offset from true time per core", "offset from true time",
                Results.Skew::offsetNs);
    }

    static XYChart fromCore0(Results results) {
        return build(results, "Counter offset from core 0 per core", "offset from core 0",
                Results.Skew::offsetFromCore0Ns);
    }

    private static XYChart build(Results results, String what, String yWhat, ToDoubleFunction<Results.Skew> value) {
        List<Results.Skew> rows = results.skew();
        Map<Integer, List<Results.Skew>> byCore = new TreeMap<>();
        for (Results.Skew row : rows) {
            byCore.computeIfAbsent(row.core(), c -> new java.util.ArrayList<>()).add(row);
        }
        boolean aggregated = CoreAggregation.aggregates(byCore.size());
        String title = (aggregated ? what.replace(" per core", ", " + CoreAggregation.envelopesWhat(rows)) : what)
                + " — " + results.summary().experiment();
        NsUnit time = NsUnit.fitting(rows.stream().mapToDouble(Results.Skew::timeNs).max().orElse(0));
        NsUnit offset = NsUnit.fitting(rows.stream().mapToDouble(r -> Math.abs(value.applyAsDouble(r))).max()
                .orElse(0));
        XYChart chart = ChartStyle.xy(title, "true time (" + time.symbol() + ")",
                yWhat + " (" + offset.symbol() + ")");
        if (aggregated) {
            drawEnvelopes(chart, rows, value, time, offset);
        } else {
            drawCores(chart, byCore, value, time, offset);
        }
        KernelMarkers.addTo(chart, results.summary().kernelEvents(), time, offset, rows, value);
        return chart;
    }

    /** One line per core, coloured by socket, every other core of a socket dashed. */
    private static void drawCores(XYChart chart, Map<Integer, List<Results.Skew>> byCore,
                                  ToDoubleFunction<Results.Skew> value, NsUnit time, NsUnit offset) {
        Map<Integer, Integer> coresPerSocket = new TreeMap<>();
        for (List<Results.Skew> core : byCore.values()) {
            coresPerSocket.merge(core.get(0).socket(), 1, Integer::sum);
        }
        Map<Integer, Integer> seenInSocket = new TreeMap<>();
        for (Map.Entry<Integer, List<Results.Skew>> core : byCore.entrySet()) {
            List<Results.Skew> samples = core.getValue();
            int socket = samples.get(0).socket();
            int index = seenInSocket.merge(socket, 1, Integer::sum) - 1;
            double[] x = samples.stream().mapToDouble(r -> time.of(r.timeNs())).toArray();
            double[] y = samples.stream().mapToDouble(r -> offset.of(value.applyAsDouble(r))).toArray();
            XYSeries series = ChartStyle.line(chart, "core " + core.getKey() + " (socket " + socket + ")", x, y,
                    ChartStyle.coreColor(socket, index, coresPerSocket.get(socket)));
            if (index % 2 == 1) {
                series.setLineStyle(DASHED);
            }
        }
    }

    /** Beyond {@link CoreAggregation#MAX_CORES} cores: each socket's highest and (dashed) lowest core at each time. */
    private static void drawEnvelopes(XYChart chart, List<Results.Skew> rows, ToDoubleFunction<Results.Skew> value,
                                      NsUnit time, NsUnit offset) {
        for (CoreAggregation.Envelope envelope : CoreAggregation.envelopes(rows, value)) {
            XYSeries series = ChartStyle.line(chart, envelope.name(), time.of(envelope.timeNs()),
                    offset.of(envelope.valueNs()),
                    ChartStyle.coreColor(envelope.socket(), 0, 1));
            if (!envelope.upper()) {
                series.setLineStyle(DASHED);
            }
        }
    }
}
