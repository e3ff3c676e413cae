package org.clocksim.run;

/**
 * What a run records beyond counts.
 *
 * @param maxBackwardEvents most backward events kept row by row (the true count is always kept)
 * @param skewSamples       how many times over the run each core's offset is sampled
 */
public record OutputSpec(int maxBackwardEvents, int skewSamples) {
}
