package org.clocksim.report.compare;

import java.util.Objects;

/**
 * One metric of both sides: a number (with its confidence interval when a sweep's replications give
 * one) or a text ({@code finalClocksource}).
 *
 * @param a    side A's value; null when side A does not have the metric
 * @param b    side B's value; null when side B does not have it
 */
public record Figure(String metric, Value a, Value b) {
    /** A value: {@code number} (null for a text), its interval (NaN when none), and its text. */
    public record Value(Double number, double low, double high, String text) {
        static Value of(double number, String text) {
            return new Value(number, Double.NaN, Double.NaN, text);
        }

        boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high) && (low != number || high != number);
        }
    }

    /** B − A, for two numbers; NaN otherwise. */
    public double difference() {
        return numeric() ? b.number() - a.number() : Double.NaN;
    }

    /** (B − A) / |A|: 0 when both are 0, ±infinity when only A is 0; NaN unless both are numbers. */
    public double relative() {
        if (!numeric()) {
            return Double.NaN;
        }
        double d = difference();
        return d == 0 ? 0 : d / Math.abs(a.number());
    }

    /** Whether both sides have intervals and they do not overlap (the difference is beyond chance). */
    public boolean significant() {
        return numeric() && a.hasInterval() && b.hasInterval() && (a.high() < b.low() || b.high() < a.low());
    }

    /** Whether both sides have intervals, so {@link #significant} says something. */
    public boolean tested() {
        return numeric() && a.hasInterval() && b.hasInterval();
    }

    /**
     * Whether the metric differs: present on one side only, a different text, or a relative difference
     * above {@code threshold} that is significant where it can be tested.
     */
    public boolean differs(double threshold) {
        if (a == null || b == null) {
            return true;
        }
        if (!numeric()) {
            return !Objects.equals(a.text(), b.text());
        }
        return Math.abs(relative()) > threshold && (!tested() || significant());
    }

    private boolean numeric() {
        return a != null && b != null && a.number() != null && b.number() != null;
    }
}
