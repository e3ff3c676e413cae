package org.clocksim.report.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * sweep.json as plain data: the experiment, its one or two parameters, and each point's metrics per
 * source as a mean with its confidence interval.
 */
record Sweep(String experiment, String description, long seed, int replications, double confidenceLevel,
             List<Parameter> parameters, Map<String, String> units, List<Point> points,
             Optional<ClosedForm> closedForm) {

    /**
     * A swept key, what the charts call it (the config's label, else a readable name; the key for a
     * sweep.json written before labels) and its values as written in the config ("10ns", "1000/s"), in
     * sweep order; and the value its charts mark, if the config gives one.
     */
    record Parameter(String key, String label, List<String> values, Optional<Threshold> threshold) {
    }

    /** A value of a parameter to mark: in the base unit, what the mark says, and the value as a reader writes it. */
    record Threshold(double numeric, String label, String shown) {
    }

    /** A metric over the replications of one point: mean and confidence interval, over n replications. */
    record Estimate(double mean, double ciLow, double ciHigh, int n) {
    }

    /** One point of the sweep: its parameter values (canonical and in base units) and metrics[source][metric]. */
    record Point(int index, String directory, String hash, Map<String, String> values,
                 Map<String, Double> numericValues, Map<String, Map<String, Estimate>> metrics) {

        Optional<Estimate> estimate(String source, String metric) {
            return Optional.ofNullable(metrics.getOrDefault(source, Map.of()).get(metric));
        }
    }

    /** A curve the engine computed from a closed form, drawn beside the simulated {@code metric} of {@code source}. */
    record ClosedForm(String metric, String source, String label, double[] x, double[] y) {
    }

    Parameter first() {
        return parameters.get(0);
    }

    Optional<Parameter> second() {
        return parameters.size() > 1 ? Optional.of(parameters.get(1)) : Optional.empty();
    }

    /** The unit of a parameter's numeric values ("ns", "/s", "Hz", "ppm"), empty for plain numbers. */
    String unit(String key) {
        return units.getOrDefault(key, "");
    }

    /** Source ids in order of first appearance in the points. */
    List<String> sources() {
        Set<String> ids = new LinkedHashSet<>();
        points.forEach(p -> ids.addAll(p.metrics().keySet()));
        return List.copyOf(ids);
    }

    boolean has(String metric) {
        return points.stream().anyMatch(p -> p.metrics().values().stream().anyMatch(m -> m.containsKey(metric)));
    }

    /** The points ordered by the first parameter's numeric value, then the second's. */
    List<Point> pointsInOrder() {
        Comparator<Point> order = Comparator.comparingDouble(p -> p.numericValues().getOrDefault(first().key(), 0.0));
        for (Parameter p : parameters.subList(1, parameters.size())) {
            order = order.thenComparingDouble(pt -> pt.numericValues().getOrDefault(p.key(), 0.0));
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(order.thenComparingInt(Point::index));
        return sorted;
    }
}
