package org.clocksim.config;

/**
 * A closed form to draw beside a swept metric: {@code metric = intercept + slope · x}, x the first
 * parameter in its base unit (docs/MODEL.md derives the ones the shipped sweeps use).
 */
public record SweepClosedForm(String source, String metric, String label, double intercept, double slope) {
    public double at(double x) {
        return intercept + slope * x;
    }
}
