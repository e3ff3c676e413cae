package org.clocksim.report.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clocksim.report.chart.ChartFiles;
import org.knowm.xchart.internal.chartpart.Chart;
import org.clocksim.results.SourceMetric;
import org.clocksim.results.Metrics;

/**
 * The charts of a sweep results directory, drawn from its sweep.json into PNG and SVG files beside it.
 * One parameter: {@code sweep-METRIC} for each charted metric the sweep has, one line per source. Two
 * parameters: {@code sweep-heatmap-SOURCE} (backward events per million reads, the phase diagram) for
 * each source, then {@code sweep-METRIC-SOURCE}, one line per value of the second parameter.
 */
public final class SweepCharts {
    private SweepCharts() {
    }

    /**
     * Writes every chart of the sweep in {@code dir} (which holds sweep.json) as NAME.png and NAME.svg;
     * the same sweep.json gives the same bytes. Callers make it atomic by rendering into a temporary
     * directory.
     */
    public static void render(Path dir) throws IOException {
        for (Map.Entry<String, Chart<?, ?>> chart : build(SweepJson.read(dir)).entrySet()) {
            ChartFiles.write(chart.getKey(), chart.getValue(), dir);
        }
    }

    /** Every chart by file name (without extension), in the order report.md shows them. */
    static Map<String, Chart<?, ?>> build(Sweep sweep) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        if (sweep.second().isEmpty()) {
            for (SourceMetric metric : ReportedMetrics.CHARTED) {
                if (sweep.has(metric.sweepName()) && !constant(sweep, metric)) {
                    charts.put(MetricChart.name(metric), MetricChart.bySource(sweep, metric));
                }
            }
            return charts;
        }
        SourceMetric phase = Metrics.BACKWARD_PER_MILLION;
        if (sweep.has(phase.sweepName())) {
            Bands bands = PhaseDiagram.bands(sweep, phase);
            for (String source : sweep.sources()) {
                charts.put(PhaseDiagram.name(source), PhaseDiagram.build(sweep, phase, source, bands));
            }
        }
        for (SourceMetric metric : ReportedMetrics.CHARTED) {
            for (String source : sweep.sources()) {
                if (sweep.points().stream().anyMatch(p -> p.estimate(source, metric.sweepName()).isPresent())
                        && SweepHeadline.constant(sweep, source, metric).isEmpty()) {
                    charts.put(MetricChart.name(metric, source), MetricChart.bySecond(sweep, metric, source));
                }
            }
        }
        return charts;
    }

    /** Whether every source has the same value of {@code metric} at every point (report.md says it once, no chart). */
    private static boolean constant(Sweep sweep, SourceMetric metric) {
        return sweep.sources().stream().allMatch(s -> sweep.points().stream()
                .noneMatch(p -> p.estimate(s, metric.sweepName()).isPresent())
                || SweepHeadline.constant(sweep, s, metric).isPresent());
    }
}
