/**
 * Where results go, safely (DESIGN.md principle 9): a results directory carries a
 * {@link org.clocksim.report.out.ResultsMarker marker}; {@code --out} replaces only such a
 * directory (or an empty one, or nothing) and refuses everything else ({@link
 * org.clocksim.report.out.ResultsTarget}); one writer at a time per target ({@link
 * org.clocksim.report.out.TargetLock}); what an interrupted writer left beside the target is
 * restored or removed by the next one ({@link org.clocksim.report.out.Leftovers}). {@link
 * org.clocksim.report.out.OutputClaim} runs these checks before a command simulates anything.
 *
 * <p>Depends on nothing of clocksim's model; never on {@code cli}.
 */
package org.clocksim.report.out;
