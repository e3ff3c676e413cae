package org.clocksim.report.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.chart.ChartFiles;
import org.clocksim.report.chart.ComparisonCharts;
import org.clocksim.report.chart.Readable;
import org.clocksim.report.out.ResultsMarker;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * {@code clocksim compare A B --out DIR}: the comparison as a directory a person reads: report.md (what
 * differs, in a sentence, then the differing metrics, then the charts overlaying the two runs, then every
 * metric that is not identical), comparison.json (what {@code --format json} prints) and the charts.
 * Written atomically, like a run's results (marker kind {@code compare}). Callers hold the target's
 * OutputClaim.
 */
public final class ComparisonReport {
    public static final String REPORT = "report.md";
    public static final String JSON = "comparison.json";
    /** So the headline stays a sentence: the rest are in the table below it. */
    private static final int NAMED_IN_HEADLINE = 5;

    private ComparisonReport() {
    }

    public static void write(Comparison comparison, Path a, Path b, double threshold, Path dir) throws IOException {
        ResultsDirectory.replace(dir, ResultsMarker.Kind.COMPARE, tmp -> {
            ComparisonCharts.Drawn drawn = comparison.kind().equals("run")
                    ? ComparisonCharts.build(a, b, "A", "B") : null;
            Files.writeString(tmp.resolve(JSON), ComparisonText.json(comparison, threshold), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(REPORT), markdown(comparison, threshold, drawn), StandardCharsets.UTF_8);
            if (drawn != null) {
                for (Map.Entry<String, Chart<?, ?>> chart : drawn.charts().entrySet()) {
                    ChartFiles.write(chart.getKey(), chart.getValue(), tmp);
                }
            }
        });
    }

    /** {@code drawn}: the charts of two runs; null for two sweeps (whose report has none yet). */
    static String markdown(Comparison c, double threshold, ComparisonCharts.Drawn drawn) {
        StringBuilder md = new StringBuilder();
        md.append("# Comparison of two ").append(c.kind()).append("s\n\n");
        md.append("- **A**: ").append(c.a()).append('\n');
        md.append("- **B**: ").append(c.b()).append("\n\n");
        md.append(headline(c, threshold)).append("\n\n");
        List<Figure> differing = c.differing(threshold);
        if (!differing.isEmpty()) {
            md.append("## What differs\n\n");
            table(md, differing, threshold);
        }
        if (drawn != null) {
            md.append("## Charts\n\n");
            md.append("A is the dashed dark line or the grey bar, B the coloured line or the blue bar.\n\n");
            drawn.notes().forEach(n -> md.append(n).append("\n\n"));
            for (String name : drawn.charts().keySet()) {
                md.append("![").append(name).append("](").append(name).append(".png)\n\n");
            }
        } else {
            md.append("Charts overlaying two sweeps are not drawn yet; each sweep's own report.md has its charts.\n\n");
        }
        List<Figure> changed = c.figures().stream().filter(f -> !ComparisonText.same(f)).toList();
        md.append("## Every metric that is not identical\n\n");
        if (changed.isEmpty()) {
            md.append("None: the two are identical in every metric.\n");
        } else {
            md.append("<details><summary>").append(changed.size()).append(" of ").append(c.figures().size())
                    .append(" metrics</summary>\n\n");
            table(md, changed, threshold);
            md.append("</details>\n");
        }
        return md.toString();
    }

    /** "2 of 58 metrics differ by more than 5 %: `rdtsc.latencyNs.p99` (+12.30 %) and …". */
    static String headline(Comparison c, double threshold) {
        List<Figure> differing = c.differing(threshold);
        String beyond = " by more than " + ComparisonText.threshold(threshold)
                + (c.figures().stream().anyMatch(Figure::tested) ? " (and beyond chance, where replications give "
                + "intervals)" : "");
        if (differing.isEmpty()) {
            return "No metric of " + c.figures().size() + " differs" + beyond + ": `clocksim compare` exits 0.";
        }
        List<String> named = differing.stream().limit(NAMED_IN_HEADLINE)
                .map(f -> "`" + f.metric() + "` (" + change(f) + ")").toList();
        String list = named.size() == 1 ? named.get(0)
                : String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
        return differing.size() + " of " + c.figures().size() + " metrics differ" + beyond + ": " + list
                + (differing.size() > named.size() ? ", and " + (differing.size() - named.size()) + " more" : "")
                + ". `clocksim compare` exits 1.";
    }

    private static String change(Figure f) {
        if (f.a() == null || f.b() == null) {
            return "only in " + (f.a() == null ? "B" : "A");
        }
        if (f.a().number() == null || f.b().number() == null) {
            return f.a().text() + " → " + f.b().text();
        }
        return ComparisonText.percent(f.relative());
    }

    /** A value as report.md shows it: a time ({@code …Ns}) in its unit ({@code 10.0 µs}), else as the table prints it. */
    private static String shown(String metric, Figure.Value v) {
        return v != null && v.number() != null && metric.endsWith("Ns") ? Readable.ns(v.number())
                : ComparisonText.text(v);
    }

    /** Five columns, so the table fits GitHub's width: the metric, A, B, the relative change and the verdict. */
    private static void table(StringBuilder md, List<Figure> figures, double threshold) {
        md.append("| metric | A | B | change | |\n|---|--:|--:|--:|---|\n");
        for (Figure f : figures) {
            md.append("| `").append(f.metric()).append("` | ").append(shown(f.metric(), f.a())).append(" | ")
                    .append(shown(f.metric(), f.b())).append(" | ").append(ComparisonText.percent(f.relative()))
                    .append(" | ").append(ComparisonText.verdict(f, threshold)).append(" |\n");
        }
        md.append('\n');
    }
}
