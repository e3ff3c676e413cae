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
import java.util.OptionalDouble;
import org.clocksim.results.SourceMetric;

/**
 * report.md of a sweep, from its sweep.json: what it found ({@link SweepHeadline}), what was swept
 * over how many replications, the charts by relative path, then narrow tables per source (a row per
 * point, each varying metric as {@code mean [ciLow, ciHigh]}; constant ones in a sentence), and how
 * to rerun one replication. Numbers are rounded to {@link #DIGITS} significant digits;
 * sweep.csv and sweep.json hold them in full.
 */
public final class SweepReport {
    public static final String REPORT = "report.md";
    static final int DIGITS = 4;
    private static final String NONE = "–";
    /** Tables with more rows than this are folded into a {@code <details>} block, below the charts. */
    private static final int OPEN_ROWS = 12;

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
        md.charts(charts);
        md.tables();
        md.rerun();
        return md.out.toString();
    }

    private void header() {
        line("# " + sweep.experiment() + " (sweep)");
        line("");
        String headline = SweepHeadline.of(sweep);
        if (!headline.isEmpty()) {
            line(headline);
            line("");
        }
        line((sweep.description().isEmpty() ? "" : "*" + sweep.description() + "* ") + String.format(Locale.ROOT,
                "%d points, %d replication%s each, seed %d. Each figure is the mean over the replications with its "
                        + "%s%% confidence interval (Student t)%s, rounded to %d significant digits; "
                        + "[sweep.json](sweep.json) and [sweep.csv](sweep.csv) hold them in full.",
                sweep.points().size(), sweep.replications(), sweep.replications() == 1 ? "" : "s", sweep.seed(),
                AxisNumbers.significant(sweep.confidenceLevel() * 100, 3),
                sweep.replications() == 1 ? "; with one replication the interval is the mean itself" : "", DIGITS));
        line("");
        line("| parameter | key | values |");
        line("|---|---|---|");
        for (Sweep.Parameter p : sweep.parameters()) {
            line("| " + p.label() + " | `" + p.key() + "` | " + String.join(", ", p.values().stream()
                    .map(v -> SweepHeadline.shown(sweep, p.key(), v)).toList()) + " |");
        }
        line("");
    }

    private void tables() {
        line("## Figures per point");
        line("");
        for (String source : sweep.sources()) {
            line("### " + source);
            line("");
            List<SourceMetric> present = ReportedMetrics.TABULATED.stream().filter(m -> sweep.points().stream()
                    .anyMatch(p -> p.estimate(source, m.sweepName()).isPresent())).toList();
            List<String> constant = new ArrayList<>();
            List<SourceMetric> varying = new ArrayList<>();
            for (SourceMetric m : present) {
                OptionalDouble value = SweepHeadline.constant(sweep, source, m);
                if (value.isPresent()) {
                    constant.add(m.shortTitle() + " " + SweepHeadline.value(m, value.getAsDouble()));
                } else {
                    varying.add(m);
                }
            }
            if (!constant.isEmpty()) {
                line("The same at every point: " + String.join(", ", constant) + ".");
                line("");
            }
            for (List<SourceMetric> group : ReportedMetrics.TABLES) {
                List<SourceMetric> columns = group.stream().filter(varying::contains).toList();
                if (!columns.isEmpty()) {
                    table(source, columns);
                }
            }
        }
    }

    private void table(String source, List<SourceMetric> metrics) {
        List<String> header = new ArrayList<>();
        sweep.parameters().forEach(p -> header.add("`" + SweepHeadline.shortKey(p.key()) + "`"));
        metrics.forEach(m -> header.add(m.shortTitle() + (m.ns() ? " (ns)" : "")));
        boolean fold = sweep.points().size() > OPEN_ROWS;
        if (fold) {
            line("<details><summary>" + String.join(", ", metrics.stream().map(SourceMetric::shortTitle).toList())
                    + " at each of the " + sweep.points().size() + " points</summary>");
            line("");
        }
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (Sweep.Point point : sweep.pointsInOrder()) {
            List<String> row = new ArrayList<>();
            sweep.parameters().forEach(p -> row.add(point.values().containsKey(p.key())
                    ? SweepHeadline.shown(sweep, p.key(), point.values().get(p.key())) : NONE));
            metrics.forEach(m -> row.add(cell(point.estimate(source, m.sweepName()))));
            line("| " + String.join(" | ", row) + " |");
        }
        line("");
        if (fold) {
            line("</details>");
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
        line("Each point's directory `point-NNN/` holds its resolved config and one `rep-K` directory per "
                + "replication, with the outputs of `clocksim run` (a sweep writes them; they are not committed). To "
                + "rerun replication K of a point alone (byte-identical to `rep-K`), where DIR is this directory:");
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
