/**
 * The time sources a simulated program calls. A read takes time: each source splits it into steps
 * at true times (sample the counter, finish) and draws its latency from its own distribution.
 *
 * <p>Depends on {@code engine}, {@code hw} and {@code kernel}.
 */
package org.clocksim.source;
