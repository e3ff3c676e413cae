package org.clocksim.check;

import org.clocksim.config.Expectation;
import org.clocksim.results.ExpectationResult;

/** An expectation held against a run: the actual value, as text, and whether it passed. */
public record Verdict(Expectation expectation, String actual, boolean passed) {
    /** The verdict as a run's expect.json records it. */
    public ExpectationResult result() {
        return new ExpectationResult(expectation.describe(), actual, passed);
    }
}
