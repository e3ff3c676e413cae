/**
 * Regression checks: a run's summary held against the expectations of its config, with verdicts
 * for a table and a JUnit XML report.
 *
 * <p>Depends on {@code config} (the expectations); reads summaries as JSON, as a user's script would.
 */
package org.clocksim.check;
