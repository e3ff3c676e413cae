package org.clocksim.config;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formats the amounts of a work estimate for a message: {@code 123456}, {@code 2e10}, {@code 6.14 GB}. */
final class Amounts {
    private static final double EXACT_BELOW = 1e6;
    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
    private static final double KILO = 1000;

    private Amounts() {
    }

    /** A count: whole below a million, else two significant digits in e-notation. */
    static String count(double amount) {
        if (amount < EXACT_BELOW) {
            return Long.toString(Math.round(amount));
        }
        BigDecimal rounded = new BigDecimal(amount).round(new MathContext(2));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
        return mantissa.toPlainString() + "e" + exponent;
    }

    /** {@code 1 thread}, {@code 2 threads}. */
    static String of(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** A size in decimal units, three significant digits ({@code 6.14 GB}, {@code 512 MB}). */
    static String bytes(double amount) {
        int unit = 0;
        double value = amount;
        while (value >= KILO && unit < BYTE_UNITS.length - 1) {
            value /= KILO;
            unit++;
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
        return rounded.stripTrailingZeros().toPlainString() + " " + BYTE_UNITS[unit];
    }
}
