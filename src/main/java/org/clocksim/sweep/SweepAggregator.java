package org.clocksim.sweep;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.clocksim.results.Metrics;
import org.clocksim.results.Summary;
import org.clocksim.results.SummaryFile;
import org.clocksim.results.SweepFile;
import org.clocksim.results.SweepSummary;

/**
 * Reads every replication's summary.json and writes the sweep's sweep.json and sweep.csv: per
 * point and source, each metric's mean and confidence interval over the replications.
 */
final class SweepAggregator {
    private SweepAggregator() {
    }

    /** Source → metric → interval, for one point. */
    private static Map<String, Map<String, Interval>> point(SweepPlan plan, Path dir, SweepPlan.Point point)
            throws IOException {
        Map<String, Map<String, List<Double>>> samples = new LinkedHashMap<>();
        for (int k = 0; k < plan.replications(); k++) {
            Summary summary = SummaryFile.read(SweepLayout.replication(dir, point, k));
            ReplicationMetrics.of(summary).forEach((source, values) -> values.forEach((metric, value) ->
                    samples.computeIfAbsent(source, s -> new LinkedHashMap<>())
                            .computeIfAbsent(metric, m -> new ArrayList<>()).add(value)));
        }
        Map<String, Map<String, Interval>> intervals = new LinkedHashMap<>();
        samples.forEach((source, metrics) -> {
            Map<String, Interval> bySource = new LinkedHashMap<>();
            for (String metric : Metrics.sweptNames()) {
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
        List<SweepSummary.Parameter> parameters = new ArrayList<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (SweepParameter parameter : plan.parameters()) {
            SweepParameter.Threshold t = parameter.threshold();
            parameters.add(new SweepSummary.Parameter(parameter.key(), parameter.label(), t == null ? null
                    : new SweepSummary.Threshold(t.value(), Numbers.decimal(t.numeric()), t.label()), parameter.values()));
            units.put(parameter.key(), parameter.unit());
        }
        SweepSummary.ClosedForm closedForm = plan.closedForm() != null && !plan.parameters().isEmpty()
                ? closedForm(plan.closedForm(), plan.parameters().get(0)) : null;
        List<SweepSummary.Point> points = new ArrayList<>();
        try (CsvFile csv = new CsvFile(dir.resolve(SweepLayout.SWEEP_CSV), "sweep of experiment "
                + plan.base().name() + ", seed " + plan.base().seed() + ", " + plan.replications()
                + " replications per point", csvHeader(plan))) {
            for (SweepPlan.Point point : plan.points()) {
                Map<String, Map<String, Interval>> metrics = point(plan, dir, point);
                points.add(point(plan, point, metrics));
                writeCsvRows(csv, plan, point, metrics);
            }
        }
        SweepFile.write(new SweepSummary(SweepFile.FORMAT_VERSION, base.name(), base.description(), base.seed(),
                plan.replications(), plan.confidence(), parameters, units, closedForm, points), dir);
    }

    /** The closed form at each value of the first parameter. */
    private static SweepSummary.ClosedForm closedForm(SweepClosedForm form, SweepParameter parameter) {
        List<List<BigDecimal>> points = new ArrayList<>();
        for (int i = 0; i < parameter.values().size(); i++) {
            double x = parameter.numeric(i);
            points.add(List.of(Numbers.decimal(x), Numbers.decimal(form.at(x))));
        }
        return new SweepSummary.ClosedForm(form.source(), form.metric(), form.label(), points);
    }

    private static SweepSummary.Point point(SweepPlan plan, SweepPlan.Point point,
                                            Map<String, Map<String, Interval>> metrics) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, BigDecimal> numeric = new LinkedHashMap<>();
        for (SweepParameter parameter : plan.parameters()) {
            String value = point.values().get(parameter.key());
            values.put(parameter.key(), value);
            numeric.put(parameter.key(), Numbers.decimal(parameter.numeric(parameter.values().indexOf(value))));
        }
        Map<String, Map<String, SweepSummary.Estimate>> bySource = new LinkedHashMap<>();
        metrics.forEach((source, intervals) -> {
            Map<String, SweepSummary.Estimate> estimates = new LinkedHashMap<>();
            intervals.forEach((metric, i) -> estimates.put(metric, new SweepSummary.Estimate(Numbers.decimal(i.mean()),
                    Numbers.decimal(i.ciLow()), Numbers.decimal(i.ciHigh()), i.n())));
            bySource.put(source, estimates);
        });
        return new SweepSummary.Point(point.index(), SweepLayout.pointDirectory(point),
                PointHash.of(ExperimentYaml.toYaml(point.experiment())), values, numeric, bySource);
    }

    private static Object[] csvHeader(SweepPlan plan) {
        List<Object> header = new ArrayList<>(List.of("point"));
        plan.parameters().forEach(p -> {
            header.add(p.key());
            header.add(p.key() + " [" + siUnit(p) + "]");
        });
        header.addAll(List.of("replications", "source", "metric", "mean", "ciLow", "ciHigh"));
        return header.toArray();
    }

    /**
     * The unit of a parameter's numeric column: times in seconds (SI), rates per second, others in
     * their own unit ("ppm", "Hz"); "1" for plain numbers and "index" for categorical values.
     */
    static String siUnit(SweepParameter p) {
        return switch (p.unit()) {
            case "ns" -> "s";
            case "" -> p.kind() == null ? "index" : "1";
            default -> p.unit();
        };
    }

    /** A parameter value as a number in the unit of {@link #siUnit}, exactly (ns moved nine places: 3.16us is 0.00000316). */
    static String siValue(SweepParameter p, String value) {
        BigDecimal base = Numbers.decimal(p.numeric(p.values().indexOf(value)));
        BigDecimal si = "ns".equals(p.unit()) ? base.movePointLeft(9) : base;
        return si.signum() == 0 ? "0" : si.stripTrailingZeros().toPlainString();
    }

    private static void writeCsvRows(CsvFile csv, SweepPlan plan, SweepPlan.Point point,
                                     Map<String, Map<String, Interval>> metrics) {
        List<Object> prefix = new ArrayList<>(List.of(point.index()));
        plan.parameters().forEach(p -> {
            prefix.add(point.values().get(p.key()));
            prefix.add(siValue(p, point.values().get(p.key())));
        });
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
