package org.clocksim.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.observe.SourceResult;
import org.clocksim.report.chart.OffsetBoundsChart;
import org.clocksim.report.chart.PercentileChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * report.md's charts, drawn with the run's chart code: per source, the measured percentiles against
 * host.yaml's simulated distribution ({@code latency-SOURCE}), and the warp test's offset bound of
 * every CPU pair ({@code offset-bounds}).
 */
final class CalibrationCharts {
    static final String OFFSETS = "offset-bounds";
    /** The percentiles the probe reports, and 100 for its maximum. */
    private static final double[] MEASURED_LEVELS = {50, 75, 90, 99, 99.9, 99.99, 100};
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private CalibrationCharts() {
    }

    static String latencyName(String source) {
        return "latency-" + source;
    }

    /** Every chart by file name (without extension), in the order report.md shows them; no offsets chart without a resolved pair. */
    static Map<String, Chart<?, ?>> build(Calibration c) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        for (ProbeMeasurements.SourceLatency m : c.probe().latency()) {
            List<PercentileChart.Line> lines = new ArrayList<>();
            lines.add(new PercentileChart.Line("measured: p50 … p99.99, max (" + m.calls() + " calls)", PercentileChart.Kind.MEASURED,
                    MEASURED_LEVELS, new double[] {m.p50Ns(), m.p75Ns(), m.p90Ns(), m.p99Ns(), m.p999Ns(), m.p9999Ns(),
                            m.maxNs()}, m.calls()));
            CalibrationReport.simulated(c, m.source()).ifPresent(sim -> lines.add(simulated(sim)));
            charts.put(latencyName(m.source()), PercentileChart.build("Latency of " + m.source()
                    + ": measured vs simulated — " + c.host().hostname(), m.source(), lines));
        }
        List<OffsetBoundsChart.Bound> bounds = new ArrayList<>();
        for (ProbeMeasurements.WarpPair w : c.probe().warp()) {
            w.offsetBoundCycles().ifPresent(b -> bounds.add(new OffsetBoundsChart.Bound(w.cpuA() + " → " + w.cpuB(),
                    b[0] / c.probe().tscGhzMeasured(), b[1] / c.probe().tscGhzMeasured())));
        }
        if (!bounds.isEmpty()) {
            charts.put(OFFSETS, OffsetBoundsChart.build("TSC offset bounds from the lock hand-off, per CPU pair — "
                    + c.host().hostname(), bounds));
        }
        return charts;
    }

    private static PercentileChart.Line simulated(SourceResult sim) {
        Histogram histogram = sim.latencyPs();
        List<double[]> points = new ArrayList<>();
        if (histogram.getTotalCount() > 0) {
            for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
                points.add(new double[] {v.getPercentileLevelIteratedTo(), v.getValueIteratedTo() / 1000.0});
            }
        }
        return new PercentileChart.Line("simulated host.yaml (" + histogram.getTotalCount() + " reads)",
                PercentileChart.Kind.SIMULATED, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray(), histogram.getTotalCount());
    }
}
