package org.clocksim.report.chart;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** Every chart of a results directory, by file name (without extension), in the order report.md shows them. */
final class Charts {
    private Charts() {
    }

    /**
     * The charts drawn, by name, and a sentence for each kind not drawn because it would show nothing.
     */
    record Drawn(Map<String, Chart<?, ?>> charts, List<String> notes) {
        Drawn {
            charts = Collections.unmodifiableMap(new LinkedHashMap<>(charts));
            notes = List.copyOf(notes);
        }
    }

    static Drawn build(Results results) {
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        charts.put(SkewChart.ABSOLUTE, SkewChart.fromTrueTime(results));
        charts.put(SkewChart.RELATIVE, SkewChart.fromCore0(results));
        charts.put(CoreOffsetsChart.NAME, CoreOffsetsChart.build(results));
        charts.put(BackwardEventsChart.HISTOGRAM, BackwardEventsChart.histogram(results));
        charts.put(BackwardEventsChart.TIMELINE, BackwardEventsChart.timeline(results));
        charts.put(ReadTraceChart.NAME, ReadTraceChart.build(results));
        charts.put(LatencyChart.NAME, LatencyChart.build(results));
        for (Chart<?, ?> chart : charts.values()) {
            if (chart instanceof XYChart xy) {
                ChartStyle.roundTicks(xy);
            }
        }
        return new Drawn(charts, List.of());
    }
}
