package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of a config's {@code expect:} section held against the run.
 *
 * @param expectation the expectation as {@code clocksim check} prints it ({@code rdtsc.backwardEvents == 0})
 * @param actual      the run's value, as text ({@code absent} when the run has no such metric)
 */
@JsonPropertyOrder({"expectation", "actual", "passed"})
public record ExpectationResult(String expectation, String actual, boolean passed) {
}
