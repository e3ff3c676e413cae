package org.clocksim.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, and among those the nearest to it: what
 * {@code Double.toString} returns since JDK 19, computed here so that config values are written the
 * same on every JDK (up to JDK 18, {@code Double.toString} sometimes gave more digits than needed,
 * JDK-4511638: 2e23 was "1.9999999999999998E23"). Parsing a decimal into a double is correctly
 * rounded on every JDK, so the test "reads back" is too.
 */
final class ShortestDecimal {
    /** 17 significant digits always identify a double. */
    private static final int MAX_DIGITS = 17;

    private ShortestDecimal() {
    }

    static BigDecimal of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        if (value == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < MAX_DIGITS; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == value) {
                return candidate;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }
}
