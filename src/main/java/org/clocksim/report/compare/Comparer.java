package org.clocksim.report.compare;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clocksim.report.chart.Readable;
import org.clocksim.report.out.UnusablePathException;
import org.clocksim.results.FieldMetric;
import org.clocksim.results.Metrics;
import org.clocksim.results.MetricValue;
import org.clocksim.results.SourceMetric;
import org.clocksim.results.Summary;
import org.clocksim.results.SummaryFile;
import org.clocksim.results.SweepFile;
import org.clocksim.results.SweepSummary;

/**
 * Reads two results directories of the same kind and lines their metrics up: for runs every figure
 * of the metric catalogue (per source, across threads, the kernel's, the check program's); for sweeps
 * every aggregated figure at every point the two have in common (matched by parameter values), with
 * its confidence interval.
 */
public final class Comparer {
    private Comparer() {
    }

    /**
     * @throws UnusablePathException when a directory holds no run's or sweep's results, or they are
     *                               of different kinds
     */
    public static Comparison compare(Path a, Path b) throws IOException {
        String kindA = kind(a);
        String kindB = kind(b);
        if (!kindA.equals(kindB)) {
            throw new UnusablePathException("cannot compare a " + kindA + " (" + a + ") with a " + kindB + " (" + b
                    + "): give two runs' or two sweeps' results directories");
        }
        return kindA.equals("run") ? runs(SummaryFile.read(a), SummaryFile.read(b))
                : sweeps(SweepFile.read(a), SweepFile.read(b));
    }

    private static String kind(Path dir) throws UnusablePathException {
        if (Files.isRegularFile(dir.resolve(SummaryFile.NAME))) {
            return "run";
        }
        if (Files.isRegularFile(dir.resolve(SweepFile.NAME))) {
            return "sweep";
        }
        throw new UnusablePathException(dir + " holds no results to compare (no " + SummaryFile.NAME + " or "
                + SweepFile.NAME + ")");
    }

    static Comparison runs(Summary a, Summary b) {
        Map<String, Figure.Value> left = runFigures(a);
        Map<String, Figure.Value> right = runFigures(b);
        return new Comparison("run", describe(a), describe(b), pair(left, right));
    }

    /** "quickstart, seed 7, 500 ms": what a run is, its simulated time included (it scales every count). */
    private static String describe(Summary s) {
        return s.experiment() + ", seed " + s.seed() + ", " + Readable.duration(s.durationNs());
    }

    /** Every figure of a run, by its expectation name ({@code rdtsc.latencyNs.p50}, {@code kernel.switches}). */
    static Map<String, Figure.Value> runFigures(Summary s) {
        Map<String, Figure.Value> figures = new LinkedHashMap<>();
        for (String source : s.sources().keySet()) {
            for (SourceMetric m : Metrics.SOURCE) {
                m.of(s, source).ifPresent(v -> figures.put(source + "." + m.name(), value(v)));
            }
        }
        for (FieldMetric<org.clocksim.results.KernelSummary> m : Metrics.KERNEL) {
            m.of(s.kernel()).ifPresent(v -> figures.put("kernel." + m.name(), value(v)));
        }
        s.crossSource().forEach((pair, c) -> Metrics.CROSS_SOURCE.forEach(m -> m.of(c)
                .ifPresent(v -> figures.put("crossSource." + pair + "." + m.name(), value(v)))));
        s.programSummary().ifPresent(p -> {
            figures.put("program.verdict", value(new MetricValue(null, p.verdict())));
            p.figures().forEach((name, v) -> figures.put("program." + name, Figure.Value.of(v.doubleValue(),
                    v.toPlainString())));
        });
        return figures;
    }

    private static Figure.Value value(MetricValue v) {
        return new Figure.Value(v.number(), Double.NaN, Double.NaN, v.text());
    }

    static Comparison sweeps(SweepSummary a, SweepSummary b) {
        return new Comparison("sweep", a.experiment() + " (" + a.points().size() + " points, " + a.replications()
                + " replications)", b.experiment() + " (" + b.points().size() + " points, " + b.replications()
                + " replications)", pair(sweepFigures(a), sweepFigures(b)));
    }

    /** Every aggregated figure at every point: {@code [workload.handoffLatency=50ns] rdtsc.maxBackwardNs}. */
    static Map<String, Figure.Value> sweepFigures(SweepSummary s) {
        Map<String, Figure.Value> figures = new LinkedHashMap<>();
        for (SweepSummary.Point p : s.points()) {
            List<String> values = new ArrayList<>();
            p.values().forEach((k, v) -> values.add(k + "=" + v));
            String point = "[" + String.join(", ", values) + "] ";
            p.metrics().forEach((source, metrics) -> metrics.forEach((metric, e) -> figures.put(
                    point + source + "." + metric, new Figure.Value(e.mean().doubleValue(), number(e.ciLow()),
                            number(e.ciHigh()), e.mean().toPlainString()))));
        }
        return figures;
    }

    private static double number(BigDecimal value) {
        return Optional.ofNullable(value).map(BigDecimal::doubleValue).orElse(Double.NaN);
    }

    private static List<Figure> pair(Map<String, Figure.Value> a, Map<String, Figure.Value> b) {
        List<Figure> figures = new ArrayList<>();
        a.forEach((name, value) -> figures.add(new Figure(name, value, b.get(name))));
        b.forEach((name, value) -> {
            if (!a.containsKey(name)) {
                figures.add(new Figure(name, null, value));
            }
        });
        return figures;
    }
}
