package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * sweep.json: a sweep's parameters and, per point and source, each metric (by its sweep name,
 * {@link SourceMetric#sweepName()}) as a mean with its confidence interval over the replications.
 *
 * @param units      per parameter key, the unit of its numeric values ("ns", "/s"; empty for plain numbers)
 * @param closedForm a line computed from a closed form, drawn beside a metric; null when the sweep has none
 */
@JsonPropertyOrder({"formatVersion", "experiment", "description", "seed", "replications", "confidenceLevel",
        "parameters", "units", "closedForm", "points"})
public record SweepSummary(int formatVersion, String experiment, String description, long seed, int replications,
                           double confidenceLevel, List<Parameter> parameters, Map<String, String> units,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ClosedForm closedForm, List<Point> points) {
    public SweepSummary {
        parameters = List.copyOf(parameters);
        units = Summary.ordered(units);
        points = List.copyOf(points);
    }

    /**
     * A swept key, what charts call it ({@code label}: the config's, else a readable name; null in a
     * sweep.json written before labels), the value its charts mark (the config's threshold, if any) and
     * its values as written in the config ("10ns", "1000/s").
     */
    @JsonPropertyOrder({"key", "label", "threshold", "values"})
    public record Parameter(String key, @JsonInclude(JsonInclude.Include.NON_NULL) String label,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Threshold threshold, List<String> values) {
        public Parameter {
            values = List.copyOf(values);
        }
    }

    /** A value of a parameter the charts mark: as written, in the base unit, and what the mark says. */
    @JsonPropertyOrder({"value", "numeric", "label"})
    public record Threshold(String value, BigDecimal numeric, String label) {
    }

    /** The closed form of {@code metric} of {@code source}, as (first parameter, metric) points. */
    @JsonPropertyOrder({"source", "metric", "label", "points"})
    public record ClosedForm(String source, String metric, String label, List<List<BigDecimal>> points) {
        public ClosedForm {
            points = points.stream().map(List::copyOf).toList();
        }
    }

    /**
     * One point: its parameter values (as written and in base units) and metrics[source][metric].
     *
     * @param directory the point's directory under the sweep's, relative
     * @param hash      of the point's resolved experiment.yaml
     */
    @JsonPropertyOrder({"index", "directory", "hash", "values", "numericValues", "metrics"})
    public record Point(int index, String directory, String hash, Map<String, String> values,
                        Map<String, BigDecimal> numericValues, Map<String, Map<String, Estimate>> metrics) {
        public Point {
            values = Summary.ordered(values);
            numericValues = Summary.ordered(numericValues);
            metrics = Summary.ordered(metrics);
        }
    }

    /** A metric over the replications of one point: mean and confidence interval, over n replications. */
    @JsonPropertyOrder({"mean", "ciLow", "ciHigh", "n"})
    public record Estimate(BigDecimal mean, BigDecimal ciLow, BigDecimal ciHigh, long n) {
    }
}
