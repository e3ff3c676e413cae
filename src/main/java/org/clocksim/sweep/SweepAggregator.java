package org.clocksim.sweep;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.config.ExperimentYaml;
import org.clocksim.config.SweepClosedForm;
import org.clocksim.config.SweepParameter;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.CsvFile;
import org.clocksim.report.Numbers;
import org.clocksim.experiment.Experiment;

/**
 * Reads every replication's summary.json and writes the sweep's sweep.json and sweep.csv: per
 * point and source, each metric's mean and confidence interval over the replications.
 */
final class SweepAggregator {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SweepAggregator() {
    }

    /** Source → metric → interval, for one point. */
    private static Map<String, Map<String, Interval>> point(SweepPlan plan, Path dir, SweepPlan.Point point)
            throws IOException {
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        for (int k = 0; k < plan.replications(); k++) {
            JsonNode summary = JSON.readTree(SweepLayout.replication(dir, point, k).resolve(SweepLayout.SUMMARY).toFile());
            Metrics.of(summary).forEach((source, values) -> values.forEach((metric, value) ->
                    samples.computeIfAbsent(source, s -> new LinkedHashMap<>())
                            .computeIfAbsent(metric, m -> new ArrayList<>()).add(value)));
        }
        Map<String, Map<String, Interval>> intervals = new LinkedHashMap<>();
        samples.forEach((source, metrics) -> {
            Map<String, Interval> bySource = new LinkedHashMap<>();
            for (String metric : Metrics.NAMES) {
                if (metrics.containsKey(metric)) {
                    bySource.put(metric, Interval.of(metrics.get(metric), plan.confidence()));
                }
            }
            intervals.put(source, bySource);
        });
        return intervals;
    }

    static void write(SweepPlan plan, Path dir) throws IOException {
        Experiment base = plan.base();
        ObjectNode root = JSON.createObjectNode();
        root.put("experiment", base.name());
        root.put("description", base.description());
        root.put("seed", base.seed());
        root.put("replications", plan.replications());
        root.put("confidenceLevel", plan.confidence());
        ArrayNode parameters = root.putArray("parameters");
        ObjectNode units = JSON.createObjectNode();
        for (SweepParameter parameter : plan.parameters()) {
            ObjectNode node = parameters.addObject();
            node.put("key", parameter.key());
            parameter.values().forEach(node.putArray("values")::add);
            units.put(parameter.key(), parameter.unit());
        }
        root.set("units", units);
        if (plan.closedForm() != null && !plan.parameters().isEmpty()) {
            root.set("closedForm", closedForm(plan.closedForm(), plan.parameters().get(0)));
        }
        ArrayNode points = root.putArray("points");
        try (CsvFile csv = new CsvFile(dir.resolve(SweepLayout.SWEEP_CSV), csvHeader(plan))) {
            for (SweepPlan.Point point : plan.points()) {
                Map<String, Map<String, Interval>> metrics = point(plan, dir, point);
                points.add(pointJson(plan, point, metrics));
                writeCsvRows(csv, plan, point, metrics);
            }
        }
        JSON.writeValue(dir.resolve(SweepLayout.SWEEP_JSON).toFile(), root);
    }

    /** The closed form at each value of the first parameter. */
    private static ObjectNode closedForm(SweepClosedForm form, SweepParameter parameter) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", form.source());
        node.put("metric", form.metric());
        node.put("label", form.label());
        ArrayNode points = node.putArray("points");
        for (int i = 0; i < parameter.values().size(); i++) {
            double x = parameter.numeric(i);
            points.addArray().add(Numbers.decimal(x)).add(Numbers.decimal(form.at(x)));
        }
        return node;
    }

    private static ObjectNode pointJson(SweepPlan plan, SweepPlan.Point point,
                                        Map<String, Map<String, Interval>> metrics) {
        ObjectNode node = JSON.createObjectNode();
        node.put("index", point.index());
        node.put("directory", SweepLayout.pointDirectory(point));
        node.put("hash", PointHash.of(ExperimentYaml.toYaml(point.experiment())));
        ObjectNode values = node.putObject("values");
        ObjectNode numeric = node.putObject("numericValues");
        for (SweepParameter parameter : plan.parameters()) {
            String value = point.values().get(parameter.key());
            values.put(parameter.key(), value);
            numeric.put(parameter.key(), Numbers.decimal(parameter.numeric(parameter.values().indexOf(value))));
        }
        ObjectNode bySource = node.putObject("metrics");
        metrics.forEach((source, intervals) -> {
            ObjectNode sourceNode = bySource.putObject(source);
            intervals.forEach((metric, interval) -> {
                ObjectNode m = sourceNode.putObject(metric);
                m.put("mean", Numbers.decimal(interval.mean()));
                m.put("ciLow", Numbers.decimal(interval.ciLow()));
                m.put("ciHigh", Numbers.decimal(interval.ciHigh()));
                m.put("n", interval.n());
            });
        });
        return node;
    }

    private static Object[] csvHeader(SweepPlan plan) {
        List<Object> header = new ArrayList<>(List.of("point"));
        plan.parameters().forEach(p -> header.add(p.key()));
        header.addAll(List.of("replications", "source", "metric", "mean", "ciLow", "ciHigh"));
        return header.toArray();
    }

    private static void writeCsvRows(CsvFile csv, SweepPlan plan, SweepPlan.Point point,
                                     Map<String, Map<String, Interval>> metrics) {
        List<Object> prefix = new ArrayList<>(List.of(point.index()));
        plan.parameters().forEach(p -> prefix.add(point.values().get(p.key())));
        prefix.add(plan.replications());
        for (Map.Entry<String, Map<String, Interval>> source : metrics.entrySet()) {
            for (Map.Entry<String, Interval> metric : source.getValue().entrySet()) {
                Interval i = metric.getValue();
                List<Object> row = new ArrayList<>(prefix);
                row.addAll(List.of(source.getKey(), metric.getKey(), Numbers.text(i.mean()), Numbers.text(i.ciLow()),
                        Numbers.text(i.ciHigh())));
                csv.row(row.toArray());
            }
        }
    }
}
