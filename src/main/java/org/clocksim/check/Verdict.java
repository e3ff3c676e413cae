package org.clocksim.check;

import org.clocksim.config.Expectation;

/** An expectation held against a run: the actual value, as text, and whether it passed. */
public record Verdict(Expectation expectation, String actual, boolean passed) {
}
