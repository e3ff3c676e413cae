package org.clocksim.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.experiment.Experiment;

/**
 * A validated sweep: the experiment file, its overrides, the swept parameters (one or two), the
 * replications of each point and the confidence level of the intervals. Every point's experiment
 * has been validated.
 *
 * @param sourceName the config file's name (errors and the experiment's default name)
 * @param yamlText   the config file's text
 * @param overrides  the {@code --set} overrides common to every point
 * @param closedForm a closed form to draw beside the results, or null
 * @param points     the experiment of every point, the first parameter varying slowest
 */
public record SweepPlan(String sourceName, String yamlText, List<String> overrides, Experiment base,
                        List<SweepParameter> parameters, int replications, double confidence,
                        SweepClosedForm closedForm, List<Point> points) {
    public SweepPlan {
        overrides = List.copyOf(overrides);
        parameters = List.copyOf(parameters);
        points = List.copyOf(points);
    }

    /** One combination of parameter values. */
    public record Point(int index, Map<String, String> values, List<String> overrides, Experiment experiment) {
        public Point {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            overrides = List.copyOf(overrides);
        }
    }

    /** Every combination, the first parameter varying slowest. */
    static List<Map<String, String>> combinations(List<SweepParameter> parameters) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (SweepParameter parameter : parameters) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : parameter.values()) {
                    Map<String, String> combination = new LinkedHashMap<>(partial);
                    combination.put(parameter.key(), value);
                    next.add(combination);
                }
            }
            combinations = next;
        }
        return combinations;
    }
}
