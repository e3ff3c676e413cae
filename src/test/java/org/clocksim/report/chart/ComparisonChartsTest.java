package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.junit.jupiter.api.Test;

/** The charts calibrate draws with the run's chart code: measured vs simulated percentiles, offset bounds. */
class ComparisonChartsTest {
    private static XYSeries series(XYChart chart, String name) {
        XYSeries series = chart.getSeries(name);
        assertThat(series).as("series " + name).isNotNull();
        return series;
    }

    @Test
    void measuredPointsAndTheSimulatedLineShareTheRunsPercentileAxes() {
        PercentileChart.Line measured = new PercentileChart.Line("measured", PercentileChart.Kind.MEASURED,
                new double[] {50, 90, 99, 100}, new double[] {8.5, 9.2, 9.4, 40_000}, 200_000);
        PercentileChart.Line simulated = new PercentileChart.Line("simulated", PercentileChart.Kind.SIMULATED,
                new double[] {0, 50, 99.9}, new double[] {7, 8.4, 0}, 1000);
        XYChart chart = PercentileChart.build("Latency of rdtsc", "rdtsc", List.of(measured, simulated));
        XYSeries points = series(chart, "measured");
        // x = 1/(1 - p), the maximum one past the last call, as the run's latency chart draws them
        assertThat(points.getXData()).usingComparatorWithPrecision(1e-9).containsExactly(2, 10, 100, 200_000);
        assertThat(points.getYData()).containsExactly(8.5, 9.2, 9.4, 40_000);
        assertThat(points.getLineColor()).isEqualTo(ChartStyle.sourceColor("rdtsc"));
        // a latency of 0 (below the timer) is drawn at the log axis' floor, not lost
        assertThat(series(chart, "simulated").getYData()).containsExactly(7, 8.4, 1e-3);
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
    }

    @Test
    void eachPairIsABarFromItsLowerToItsUpperBoundAndAnOffsetIsInTheAlarmColour() {
        XYChart chart = OffsetBoundsChart.build("bounds", List.of(new OffsetBoundsChart.Bound("0 → 1", -35, 10),
                new OffsetBoundsChart.Bound("0 → 2", 800, 1200)));
        XYSeries synchronised = series(chart, "0 → 1");
        assertThat(synchronised.getXData()).containsExactly(1, 1);
        assertThat(synchronised.getYData()).containsExactly(-0.035, 0.010);
        assertThat(chart.getYAxisTitle()).contains("µs");
        assertThat(synchronised.getLineColor()).isNotEqualTo(ChartStyle.ALARM);
        assertThat(series(chart, "0 → 2").getLineColor()).isEqualTo(ChartStyle.ALARM);
        assertThat(new OffsetBoundsChart.Bound("x", 0, 5).excludesZero()).isFalse();
        assertThat(new OffsetBoundsChart.Bound("x", -3, -1).excludesZero()).isTrue();
    }
}
