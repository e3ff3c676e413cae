/**
 * Charts and report.md, drawn from the files of a results directory (summary.json, the CSVs,
 * experiment.yaml), never from in-memory results: {@code clocksim plot DIR} re-renders them without
 * re-running anything. {@link org.clocksim.report.chart.ResultsFiles} reads a directory into plain
 * records; each chart class turns those into an XChart object (tests inspect it); {@link
 * org.clocksim.report.chart.ChartFiles} encodes it as PNG and SVG; {@link
 * org.clocksim.report.chart.ChartStyle} holds what every chart shares (size, fonts, colours, axes).
 *
 * <p>Depends on XChart, VectorGraphics2D and Jackson only; nothing in the model or the simulation.
 */
package org.clocksim.report.chart;
