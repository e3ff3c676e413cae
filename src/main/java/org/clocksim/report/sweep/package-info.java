/**
 * The charts and report.md of a sweep, drawn only from the files the sweep engine writes (sweep.json;
 * never from in-memory results), so {@code clocksim merge} re-renders them after combining shards.
 * {@link org.clocksim.report.sweep.SweepJson} reads sweep.json into a plain {@link
 * org.clocksim.report.sweep.Sweep}; {@link org.clocksim.report.sweep.MetricChart} (metric against the
 * first parameter, CI bars) and {@link org.clocksim.report.sweep.PhaseDiagram} (two parameters, one
 * heatmap per source) turn it into XChart objects; {@link org.clocksim.report.sweep.SweepCharts} and
 * {@link org.clocksim.report.sweep.SweepReport} are the two entry points.
 *
 * <p>Reuses {@code report.chart} (ChartStyle, ChartFiles, NsUnit); depends on XChart and Jackson,
 * nothing in the model, the simulation or the sweep engine.
 */
package org.clocksim.report.sweep;
