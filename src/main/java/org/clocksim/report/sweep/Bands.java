package org.clocksim.report.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The colour bands of a heatmap whose values may span decades: the first band holds zero (from 0 to
 * the smallest positive value's lower 1-2-5 step), the others follow the 1-2-5 steps up to the
 * largest value, or whole decades when that would make more than {@link #MAX_BANDS} bands. A cell's
 * colour says which band its value is in; its label says the value.
 */
record Bands(double[] edges) {
    static final int MAX_BANDS = 10;
    private static final double[] STEPS = {1, 2, 5};

    static Bands of(double[] values) {
        double[] positive = Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).toArray();
        if (positive.length == 0) {
            return new Bands(new double[] {0, 1});
        }
        double smallest = Arrays.stream(positive).min().orElseThrow();
        double largest = Arrays.stream(positive).max().orElseThrow();
        for (double[] steps : List.of(STEPS, new double[] {1})) {
            List<Double> edges = new ArrayList<>();
            edges.add(0.0);
            int decade = (int) Math.floor(Math.log10(smallest));
            int step = 0;
            for (int i = 1; i < steps.length; i++) {
                if (steps[i] * Math.pow(10, decade) <= smallest * (1 + 1e-9)) {
                    step = i;
                }
            }
            double edge = steps[step] * Math.pow(10, decade);
            edges.add(edge);
            while (edge <= largest) {
                step = (step + 1) % steps.length;
                decade += step == 0 ? 1 : 0;
                edge = steps[step] * Math.pow(10, decade);
                edges.add(edge);
            }
            if (edges.size() - 1 <= MAX_BANDS || steps.length == 1) {
                return new Bands(edges.stream().mapToDouble(Double::doubleValue).toArray());
            }
        }
        throw new AssertionError("unreachable");
    }

    int count() {
        return edges.length - 1;
    }

    /** The band of {@code value}: the last whose lower edge is at most the value; 0 for zero and below. */
    int of(double value) {
        int band = 0;
        for (int i = 1; i < edges.length - 1; i++) {
            if (value >= edges[i]) {
                band = i;
            }
        }
        return band;
    }

    /** The band's label, e.g. "0", "1 – 2", "500 – 1k". */
    String label(int band) {
        if (band == 0) {
            return "0";
        }
        return AxisNumbers.si(edges[band]) + " – " + AxisNumbers.si(edges[band + 1]);
    }
}
