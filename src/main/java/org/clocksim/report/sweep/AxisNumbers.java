package org.clocksim.report.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import org.clocksim.report.chart.NsUnit;

/** How sweep charts and report.md print numbers: a few significant digits, plain notation, units where known. */
final class AxisNumbers {
    private AxisNumbers() {
    }

    /** {@code value} to {@code digits} significant digits, plain ("1234", "0.0125"), "0" for zero. */
    static String significant(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) {
            return value == 0 ? "0" : String.valueOf(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /**
     * A tick label for a value in {@code unit}: ns values in the fitting unit ("100 ns", "10 µs"); others
     * with an SI prefix from ten thousand on ("100", "5000", "10k", "2.5M") and the unit appended by the
     * axis title, not the tick.
     */
    static String tick(double value, String unit) {
        if ("ns".equals(unit)) {
            return value == 0 ? "0" : NsUnit.label(value);
        }
        return si(value);
    }

    static String si(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return significant(value / 1e9, 3) + "G";
        }
        if (abs >= 1e6) {
            return significant(value / 1e6, 3) + "M";
        }
        if (abs >= 1e4) {
            return significant(value / 1e3, 3) + "k";
        }
        return significant(value, 3);
    }
}
