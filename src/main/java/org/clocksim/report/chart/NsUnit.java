package org.clocksim.report.chart;

import java.math.BigDecimal;
import java.util.List;

/**
 * A unit to show nanosecond values in: the largest of ns, µs, ms, s in which the values are at least
 * one, so axes read "15 µs" rather than "15000 ns".
 */
public record NsUnit(String symbol, double ns) {
    static final NsUnit NS = new NsUnit("ns", 1);
    static final NsUnit US = new NsUnit("µs", 1e3);
    static final NsUnit MS = new NsUnit("ms", 1e6);
    static final NsUnit S = new NsUnit("s", 1e9);
    private static final List<NsUnit> LARGEST_FIRST = List.of(S, MS, US, NS);

    /** The unit for values whose largest magnitude is {@code maxAbsNs}. */
    static NsUnit fitting(double maxAbsNs) {
        for (NsUnit unit : LARGEST_FIRST) {
            if (Math.abs(maxAbsNs) >= unit.ns) {
                return unit;
            }
        }
        return NS;
    }

    double of(double valueNs) {
        return valueNs / ns;
    }

    double[] of(double[] valuesNs) {
        double[] scaled = new double[valuesNs.length];
        for (int i = 0; i < valuesNs.length; i++) {
            scaled[i] = of(valuesNs[i]);
        }
        return scaled;
    }

    /** A tick label for a log axis in ns: "1 ns", "100 ns", "10 µs", "1 s". */
    public static String label(double valueNs) {
        NsUnit unit = fitting(valueNs);
        return BigDecimal.valueOf(unit.of(valueNs)).round(new java.math.MathContext(3)).stripTrailingZeros()
                .toPlainString() + " " + unit.symbol;
    }
}
