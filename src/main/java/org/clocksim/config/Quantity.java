package org.clocksim.config;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * A config value as a number in its base unit, for sweeping ranges and drawing axes: durations in
 * ns (signed), rates per second, ppm, frequencies in Hz, plain numbers. Anything else (a word, a
 * list) is categorical and has no numeric value.
 */
public enum Quantity {
    DURATION("ns", text -> Units.parseOffsetPs(text, 1e9) / 1000.0, ns -> Units.formatDuration(Math.round(ns * 1000))),
    RATE("/s", Units::parseRatePerSecond, Units::formatRate),
    PPM("ppm", Units::parsePpm, Units::formatPpm),
    FREQUENCY("Hz", Units::parseFrequencyHz, Units::formatFrequency),
    NUMBER("", Double::parseDouble, Units::formatNumber);

    private final String unit;
    private final ToDoubleFunction<String> parser;
    private final DoubleFunction<String> formatter;

    Quantity(String unit, ToDoubleFunction<String> parser, DoubleFunction<String> formatter) {
        this.unit = unit;
        this.parser = parser;
        this.formatter = formatter;
    }

    /** The base unit's symbol ({@code ns}, {@code /s}, {@code ppm}, {@code Hz}, or empty). */
    public String unit() {
        return unit;
    }

    /** The kind of quantity {@code text} is, or null when it is categorical. */
    public static Quantity of(String text) {
        for (Quantity quantity : values()) {
            if (quantity != DURATION || !text.strip().endsWith("cycles")) {
                try {
                    quantity.parser.applyAsDouble(text);
                    return quantity;
                } catch (IllegalArgumentException e) {
                    // not this kind: try the next
                }
            }
        }
        return null;
    }

    public double value(String text) {
        return parser.applyAsDouble(text);
    }

    public String format(double value) {
        return formatter.apply(value);
    }

    /**
     * {@code steps} values from {@code from} to {@code to} inclusive, evenly spaced, or evenly
     * spaced in the logarithm ({@code log}: both ends must be > 0; values between the ends are
     * rounded to 3 significant digits, 31.6ns rather than 31623ps).
     */
    public List<String> range(double from, double to, int steps, boolean log) {
        List<String> values = new ArrayList<>();
        // StrictMath: the swept values are inputs of the runs, so they must be the same on every JDK
        double logFrom = log ? StrictMath.log(from) : 0;
        double logTo = log ? StrictMath.log(to) : 0;
        for (int i = 0; i < steps; i++) {
            double fraction = steps == 1 ? 0 : (double) i / (steps - 1);
            double value = log ? threeDigits(StrictMath.exp(logFrom + fraction * (logTo - logFrom)))
                    : from + fraction * (to - from);
            values.add(format(i == steps - 1 ? to : value));
        }
        return values;
    }

    private static double threeDigits(double value) {
        return new BigDecimal(value).round(new MathContext(3)).doubleValue();
    }
}
