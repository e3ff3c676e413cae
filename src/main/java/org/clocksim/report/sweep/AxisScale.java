package org.clocksim.report.sweep;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Linear or log scale for one axis, and where the log scale draws what it cannot: values at or below
 * zero (and, on y, confidence bounds below the smallest positive mean's decade) are drawn on a floor
 * one decade below the smallest positive value, whose tick reads "≤ floor" and which the axis title
 * mentions. A log scale is used when the positive values span at least {@link #DECADES} decades.
 */
record AxisScale(boolean log, double floor, double min, double max) {
    static final double DECADES = 2;

    /** The scale for {@code decisive} values (the parameter's values, or the means) drawn with {@code drawn} (CI bounds too). */
    static AxisScale of(double[] decisive, double[] drawn, boolean paddedLinear) {
        double[] positive = Arrays.stream(decisive).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        boolean negative = Arrays.stream(decisive).anyMatch(v -> v < 0);
        double smallest = Arrays.stream(positive).min().orElse(0);
        double largest = Arrays.stream(positive).max().orElse(0);
        double drawnMax = Arrays.stream(drawn).filter(Double::isFinite).max().orElse(1);
        double drawnMin = Arrays.stream(drawn).filter(Double::isFinite).min().orElse(0);
        if (!negative && positive.length > 1 && largest / smallest >= Math.pow(10, DECADES)) {
            double floor = Math.pow(10, Math.floor(Math.log10(smallest)) - 1);
            double top = Math.max(drawnMax, largest);
            boolean zeros = Arrays.stream(drawn).anyMatch(v -> !(v >= floor));
            return paddedLinear
                    ? new AxisScale(true, floor, lowEnd(zeros ? floor : smallest), highEnd(top))
                    : new AxisScale(true, floor, floor, highEnd(top * 1.1));
        }
        double low = Math.min(drawnMin, 0);
        double high = drawnMax;
        if (!(high - low > 1e-9 * Math.max(1, Math.abs(low)))) {
            high = low + Math.max(1, Math.abs(low)); // every value the same (say all zero): a unit range above it
        }
        if (paddedLinear) {
            low = drawnMin;
            double pad = (high - low) * 0.05;
            return new AxisScale(false, Double.NaN, low - (pad == 0 ? 1 : pad), high + (pad == 0 ? 1 : pad));
        }
        return new AxisScale(false, Double.NaN, low, high == low ? low + 1 : low + (high - low) * 1.08);
    }

    /** A little below {@code smallest} on a log axis: the decade below if that is near, so it gets a tick. */
    private static double lowEnd(double smallest) {
        double decade = Math.pow(10, Math.floor(Math.log10(smallest)));
        double ratio = smallest / decade;
        return ratio >= 1.2 && ratio <= 3 ? decade : smallest / 1.5;
    }

    private static double highEnd(double largest) {
        double decade = Math.pow(10, Math.ceil(Math.log10(largest)));
        double ratio = decade / largest;
        return ratio >= 1.2 && ratio <= 3 ? decade : largest * 1.5;
    }

    /** Where {@code value} is drawn: itself, or the floor on a log scale when it is below it. */
    double display(double value) {
        return log && !(value >= floor) ? floor : value;
    }

    double[] display(double[] values) {
        return Arrays.stream(values).map(this::display).toArray();
    }

    /** Whether any of {@code values} is drawn on the floor rather than where it is. */
    boolean clamps(double[] values) {
        return log && Arrays.stream(values).anyMatch(v -> !(v >= floor));
    }

    /**
     * Tick labels: {@code label} everywhere, and {@code onFloor} on the floor of a log scale when
     * something of {@code drawn} is drawn there.
     */
    Function<Double, String> ticks(Function<Double, String> label, String onFloor, double[] drawn) {
        boolean used = clamps(drawn);
        return v -> used && Math.abs(v - floor) <= floor * 1e-9 ? onFloor : label.apply(v);
    }
}
