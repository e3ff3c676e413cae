/**
 * {@code clocksim compare A B}: two results directories (two runs, or two sweeps) metric by metric,
 * with the difference, whether it is significant (where replications give intervals) and whether it
 * exceeds the user's threshold; as a table or as JSON, and with {@code --out} as a directory with
 * report.md and charts overlaying two runs (drawn by report.chart's ComparisonCharts).
 *
 * <p>Reads the results files through {@code results} only, as a user's script would.
 */
package org.clocksim.report.compare;
