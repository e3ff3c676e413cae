package org.clocksim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The one way numbers are written to outputs: fixed precision, plain notation, locale-free. */
public final class Numbers {
    /** Three decimals of a nanosecond is a picosecond, the simulation's resolution. */
    private static final int DECIMALS = 3;

    private Numbers() {
    }

    public static BigDecimal decimal(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        // the double's exact value, rounded: BigDecimal.valueOf would round Double.toString's digits,
        // which are not the same on every JDK (JDK-4511638, JDK 19)
        BigDecimal rounded = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.stripTrailingZeros();
    }

    public static String text(double value) {
        return decimal(value).toPlainString();
    }

    /** Picoseconds as exact nanoseconds. */
    static BigDecimal decimalNsOfPs(long ps) {
        BigDecimal ns = BigDecimal.valueOf(ps, 3);
        return ns.signum() == 0 ? BigDecimal.ZERO : ns.stripTrailingZeros();
    }

    static String nsOfPs(long ps) {
        return decimalNsOfPs(ps).toPlainString();
    }
}
