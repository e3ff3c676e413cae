package org.clocksim.report.sweep;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clocksim.report.chart.NsUnit;
import org.clocksim.results.SweepFile;
import org.clocksim.results.SweepSummary;

/** Reads DIR/sweep.json (through {@link SweepFile}) into the {@link Sweep} the charts and the report draw. */
final class SweepJson {
    static final String FILE = SweepFile.NAME;

    private SweepJson() {
    }

    static Sweep read(Path dir) throws IOException {
        return of(SweepFile.read(dir));
    }

    static Sweep of(SweepSummary json) {
        List<Sweep.Parameter> parameters = json.parameters().stream()
                .map(p -> new Sweep.Parameter(p.key(), p.label() == null ? p.key() : p.label(), p.values(),
                        Optional.ofNullable(p.threshold()).map(t -> new Sweep.Threshold(t.numeric().doubleValue(),
                                t.label(), "ns".equals(json.units().get(p.key())) ? NsUnit.label(t.numeric().doubleValue())
                                        : t.value()))))
                .toList();
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new IllegalArgumentException("sweep.json must have one or two parameters, has " + parameters.size());
        }
        List<Sweep.Point> points = json.points().stream().map(SweepJson::point).toList();
        return new Sweep(json.experiment(), json.description() == null ? "" : json.description(), json.seed(),
                json.replications(), json.confidenceLevel(), parameters, json.units(), points,
                Optional.ofNullable(json.closedForm()).map(SweepJson::closedForm));
    }

    private static Sweep.Point point(SweepSummary.Point p) {
        Map<String, Double> numeric = new LinkedHashMap<>();
        p.numericValues().forEach((k, v) -> numeric.put(k, v.doubleValue()));
        Map<String, Map<String, Sweep.Estimate>> metrics = new LinkedHashMap<>();
        p.metrics().forEach((source, byMetric) -> {
            Map<String, Sweep.Estimate> estimates = new LinkedHashMap<>();
            byMetric.forEach((metric, e) -> estimates.put(metric, new Sweep.Estimate(e.mean().doubleValue(),
                    e.ciLow().doubleValue(), e.ciHigh().doubleValue(), (int) e.n())));
            metrics.put(source, estimates);
        });
        return new Sweep.Point(p.index(), p.directory(), p.hash(), p.values(), numeric, metrics);
    }

    private static Sweep.ClosedForm closedForm(SweepSummary.ClosedForm c) {
        double[] x = c.points().stream().mapToDouble(xy -> xy.get(0).doubleValue()).toArray();
        double[] y = c.points().stream().mapToDouble(xy -> xy.get(1).doubleValue()).toArray();
        return new Sweep.ClosedForm(c.metric(), c.source(), c.label() == null ? "closed form" : c.label(), x, y);
    }
}
