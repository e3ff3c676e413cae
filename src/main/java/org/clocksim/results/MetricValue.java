package org.clocksim.results;

import java.math.BigDecimal;

/**
 * A metric's value in a summary: its number (null for a text or a flag) and its text. A decimal's
 * text is {@link BigDecimal#toString()}, a count's its digits, a flag's {@code true}/{@code false}.
 */
public record MetricValue(Double number, String text) {
    /** The value of a record component: a number, a flag or a text. */
    static MetricValue of(Object value) {
        if (value instanceof BigDecimal decimal) {
            return new MetricValue(decimal.doubleValue(), decimal.toString());
        }
        if (value instanceof Long || value instanceof Integer) {
            return new MetricValue(((Number) value).doubleValue(), value.toString());
        }
        if (value instanceof Boolean || value instanceof String) {
            return new MetricValue(null, value.toString());
        }
        throw new IllegalArgumentException("not a metric value: " + value);
    }
}
