package org.clocksim.report.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as a person reads them in report.md: times with a unit and three significant digits
 * ({@code 1.87 µs}), counts with thousands separators ({@code 376,601}), rates as a share or per
 * million. The files keep the exact values; this is for prose and tables only.
 */
public final class Readable {
    private static final MathContext THREE = new MathContext(3);

    private Readable() {
    }

    /** {@code 1.87 µs}, {@code 12.6 ns}, {@code 0 ns}; a dash when absent. */
    public static String ns(BigDecimal ns) {
        return ns == null ? "–" : ns(ns.doubleValue());
    }

    public static String ns(double ns) {
        if (ns == 0) {
            return "0 ns";
        }
        NsUnit unit = NsUnit.fitting(Math.abs(ns));
        return threeDigits(unit.of(ns)) + " " + unit.symbol();
    }

    /** A length of time as configs write it: {@code 200 ms}, {@code 2 s} (no trailing zeros). */
    public static String duration(BigDecimal ns) {
        return NsUnit.label(ns.doubleValue());
    }

    /** A frequency offset with its sign: {@code +500 ppm}, {@code -12.5 ppm}. */
    static String ppm(double ppm) {
        return (ppm > 0 ? "+" : "") + threeDigits(ppm) + " ppm";
    }

    /** {@code 376,601}; a dash when absent. */
    public static String count(Number count) {
        return count == null ? "–" : String.format(Locale.ROOT, "%,d", count.longValue());
    }

    /** A rate per million as a person says it: {@code 25.0 %} from 0.1 % up, else {@code 141 per million}. */
    public static String perMillion(BigDecimal perMillion) {
        if (perMillion == null) {
            return "–";
        }
        double value = perMillion.doubleValue();
        if (value >= 1000) {
            return threeDigits(value / 1e4) + " %";
        }
        return value == 0 ? "0" : threeDigits(value) + " per million";
    }

    /** Three significant digits, trailing zeros kept ({@code 1.00}, {@code 15.0}, {@code 592}, {@code 1870}). */
    private static String threeDigits(double value) {
        BigDecimal rounded = new BigDecimal(value).round(THREE);
        if (rounded.precision() < THREE.getPrecision()) {
            rounded = rounded.setScale(rounded.scale() + THREE.getPrecision() - rounded.precision());
        }
        return rounded.toPlainString();
    }

    /** {@code 1 time}, {@code 12 times}. */
    public static String times(long count) {
        return count == 1 ? "once" : count(count) + " times";
    }
}
