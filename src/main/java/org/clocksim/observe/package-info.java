/**
 * Observers: what a program would notice (backward steps per thread and across threads, latency,
 * error against true time, migrations noticed) and what the machine did (counter skew over time).
 * Observers record; writers in {@code report} report.
 *
 * <p>Depends on {@code source} and {@code hw}.
 */
package org.clocksim.observe;
