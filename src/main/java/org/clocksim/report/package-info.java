/**
 * Writers: {@link org.clocksim.run.RunResults} to the files of the output contract (DESIGN.md),
 * written atomically into a results directory. One small writer per file; the charts and report.md
 * ({@code report.chart}) are drawn from those files.
 *
 * <p>Depends on {@code run} and the value types it carries; never on {@code cli}.
 */
package org.clocksim.report;
