package org.clocksim.report.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clocksim.results.SourceMetric;
import org.clocksim.results.Metrics;

/**
 * report.md of a sweep, from its sweep.json: what was swept, over how many replications, a table per
 * source (a row per point, each metric as {@code mean [ciLow, ciHigh]}), the charts by relative path,
 * and how to rerun one replication. Numbers are rounded to {@link #DIGITS} significant digits;
 * sweep.csv and sweep.json hold them in full.
 */
public final class SweepReport {
    public static final String REPORT = "report.md";
    static final int DIGITS = 4;
    private static final String NONE = "–";

    private final Sweep sweep;
    private final StringBuilder out = new StringBuilder();

    private SweepReport(Sweep sweep) {
        this.sweep = sweep;
    }

    /** Writes {@code dir}/report.md from {@code dir}/sweep.json; embeds the charts {@link SweepCharts} renders. */
    public static void render(Path dir) throws IOException {
        Sweep sweep = SweepJson.read(dir);
        Files.writeString(dir.resolve(REPORT), write(sweep, SweepCharts.build(sweep).keySet()), StandardCharsets.UTF_8);
    }

    static String write(Sweep sweep, Collection<String> charts) {
        SweepReport md = new SweepReport(sweep);
        md.header();
        md.tables();
        md.charts(charts);
        md.rerun();
        return md.out.toString();
    }

    private void header() {
        line("# " + sweep.experiment() + " (sweep)");
        line("");
        if (!sweep.description().isEmpty()) {
            line(sweep.description());
            line("");
        }
        line(String.format(Locale.ROOT, "%d points, %d replication%s each, seed %d. Each metric is the mean over the "
                        + "replications with its %s%% confidence interval (Student t)%s. Every number below is from "
                        + "[sweep.json](sweep.json) (in full in [sweep.csv](sweep.csv)), rounded to %d significant digits.",
                sweep.points().size(), sweep.replications(), sweep.replications() == 1 ? "" : "s", sweep.seed(),
                AxisNumbers.significant(sweep.confidenceLevel() * 100, 3),
                sweep.replications() == 1 ? "; with one replication the interval is the mean itself" : "", DIGITS));
        line("");
        line("| parameter | unit | values |");
        line("|---|---|---|");
        for (Sweep.Parameter p : sweep.parameters()) {
            String unit = sweep.unit(p.key());
            line("| `" + p.key() + "` | " + (unit.isEmpty() ? NONE : unit) + " | " + String.join(", ", p.values()) + " |");
        }
        line("");
    }

    private void tables() {
        for (String source : sweep.sources()) {
            line("## " + source);
            line("");
            List<SourceMetric> metrics = ReportedMetrics.TABULATED.stream().filter(m -> sweep.points().stream()
                    .anyMatch(p -> p.estimate(source, m.sweepName()).isPresent())).toList();
            List<String> header = new ArrayList<>(List.of("point"));
            sweep.parameters().forEach(p -> header.add("`" + p.key() + "`"));
            metrics.forEach(m -> header.add(m.shortTitle() + (m.ns() ? " (ns)" : "")));
            line("| " + String.join(" | ", header) + " |");
            line("|" + "---|".repeat(header.size()));
            for (Sweep.Point point : sweep.points()) {
                List<String> row = new ArrayList<>();
                row.add("[" + point.directory() + "](" + point.directory() + "/)");
                sweep.parameters().forEach(p -> row.add(point.values().getOrDefault(p.key(), NONE)));
                metrics.forEach(m -> row.add(cell(point.estimate(source, m.sweepName()))));
                line("| " + String.join(" | ", row) + " |");
            }
            line("");
        }
    }

    /** "1.5 [0.9, 2.1]"; the mean alone when the interval is the mean (one replication); a dash when absent. */
    static String cell(Optional<Sweep.Estimate> estimate) {
        if (estimate.isEmpty()) {
            return NONE;
        }
        Sweep.Estimate e = estimate.get();
        String mean = AxisNumbers.significant(e.mean(), DIGITS);
        if (e.ciLow() == e.mean() && e.ciHigh() == e.mean()) {
            return mean;
        }
        return mean + " [" + AxisNumbers.significant(e.ciLow(), DIGITS) + ", " + AxisNumbers.significant(e.ciHigh(), DIGITS) + "]";
    }

    private void charts(Collection<String> charts) {
        if (charts.isEmpty()) {
            return;
        }
        line("## Charts");
        line("");
        if (sweep.replications() > 1) {
            line("Bars are the confidence intervals. On a log axis, values below the bottom line (zero, or an "
                    + "interval reaching below zero) are drawn on it, and its tick says so.");
            line("");
        }
        for (String chart : charts) {
            line("### " + chart);
            line("");
            line("![" + chart + "](" + chart + ".png) ([SVG](" + chart + ".svg))");
            line("");
        }
    }

    private void rerun() {
        line("## Rerunning one replication");
        line("");
        line("Each point's directory holds its resolved config and one `rep-K` directory per replication, with the "
                + "outputs of `clocksim run`. To rerun replication K of a point alone (byte-identical to `rep-K`), "
                + "where DIR is this directory:");
        line("");
        line("```");
        line("clocksim run DIR/point-NNN/experiment.yaml --replication K");
        line("```");
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
