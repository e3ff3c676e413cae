package org.clocksim.report.chart;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clocksim.results.BackwardEventsCsvSummary;
import org.clocksim.results.ErrorSummary;
import org.clocksim.results.ExpectationResult;
import org.clocksim.results.KernelSummary;
import org.clocksim.results.ProgramSummary;
import org.clocksim.results.Summary;
import org.clocksim.results.ThreadSummary;

/**
 * report.md, read in a minute: the finding in plain words ({@link Headline}), the verdicts (the
 * config's expectations, the check program), then tables narrow enough for GitHub with times in
 * readable units, what the kernel did, and the charts. The exact numbers stay in summary.json.
 */
final class ReportMarkdown {
    private static final Map<String, String> CAPTIONS = Map.of(
            SkewChart.ABSOLUTE, "Each core's counter offset from true time over the run.",
            SkewChart.RELATIVE, "Each core's counter offset from core 0's: what a migration between them jumps by.",
            CoreOffsetsChart.NAME, "Offsets between every pair of cores at the end of the run.",
            BackwardEventsChart.HISTOGRAM, "How far readings went back, per source (log-scaled bins).",
            BackwardEventsChart.TIMELINE, "When readings went back, and by how much.",
            ReadTraceChart.NAME, "The readings around the first backward step.",
            NtpChart.NAME, "The NTP frequency the kernel clock follows, and when the timekeeper changed mult.",
            LatencyChart.NAME, "Latency of one call by percentile (the last point of each line is the maximum).");

    private final StringBuilder out = new StringBuilder();

    private ReportMarkdown() {
    }

    /**
     * @param charts the charts drawn, by file name without extension
     * @param notes  sentences saying which charts were not drawn and why
     */
    static String write(Results results, Collection<String> charts, List<String> notes) {
        ReportMarkdown md = new ReportMarkdown();
        Summary summary = results.summary().summary();
        md.header(results.summary(), summary);
        md.verdicts(results.expectations(), summary);
        if (crossThreadWentBack(summary)) {
            md.crossThread(summary);
            md.sources(summary);
        } else {
            md.sources(summary);
            md.crossThread(summary);
        }
        md.crossSource(summary);
        md.latency(summary);
        md.threads(summary);
        md.kernel(summary.kernel());
        md.charts(charts, notes);
        return md.out.toString();
    }

    private static boolean crossThreadWentBack(Summary s) {
        return s.crossThread().values().stream().anyMatch(b -> b.backwardEvents() > 0);
    }

    private void header(SummaryView view, Summary s) {
        line("# " + view.experiment());
        line("");
        line(Headline.of(s));
        line("");
        line((view.description().isEmpty() ? "" : "*" + view.description() + "* ")
                + "Seed " + s.seed() + ", replication " + s.replication() + ", " + Readable.duration(s.durationNs())
                + " of simulated time. Config: [experiment.yaml](experiment.yaml) (resolved); exact figures: "
                + "[summary.json](summary.json).");
        line("");
    }

    private void verdicts(List<ExpectationResult> expectations, Summary s) {
        line("## Verdicts");
        line("");
        if (expectations.isEmpty()) {
            line("The config sets no expectations (no `expect:` section).");
            line("");
        } else {
            long failed = expectations.stream().filter(e -> !e.passed()).count();
            line(failed == 0 ? "All " + expectations.size() + " expectations of the config hold."
                    : "**" + failed + " of " + expectations.size() + " expectations of the config fail.**");
            line("");
            table(List.of("verdict", "expectation", "actual"), expectations.stream()
                    .map(e -> List.of(e.passed() ? "pass" : "**FAIL**", "`" + e.expectation() + "`", actual(e)))
                    .toList());
        }
        s.programSummary().ifPresent(this::program);
    }

    /** The run's value as the tables show it: a time in its unit ({@code 1.87 µs}), a count with separators. */
    static String actual(ExpectationResult e) {
        String metric = e.expectation().split(" ", 2)[0];
        if (!e.actual().matches("-?\\d+(\\.\\d+)?(E[+-]?\\d+)?")) {
            return e.actual();
        }
        BigDecimal value = new BigDecimal(e.actual());
        if (java.util.Arrays.stream(metric.split("\\.")).anyMatch(part -> part.endsWith("Ns"))) { // latencyNs.p50 too
            return Readable.ns(value);
        }
        return value.stripTrailingZeros().scale() <= 0 ? Readable.count(value) : e.actual();
    }

    private void program(ProgramSummary p) {
        List<String> figures = new ArrayList<>();
        p.figures().forEach((name, value) -> figures.add(name + " " + value.toPlainString()));
        line("The check program `" + p.name() + "` says **" + p.verdict() + "**"
                + (figures.isEmpty() ? "" : " (" + String.join(", ", figures) + ")") + ".");
        line("");
    }

    private void sources(Summary s) {
        line("## Each thread's own readings");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.sources().forEach((id, source) -> rows.add(row(id, Readable.count(source.reads()),
                Readable.count(source.backwardEvents()), Readable.perMillion(source.backwardPerMillion()),
                step(source.backwardEvents(), source.maxBackwardNs()), Readable.count(source.migratedReads()))));
        table(List.of("source", "reads", "went back", "rate", "largest step", "reads after a migration"), rows);
        BackwardEventsCsvSummary csv = s.backwardEventsCsv();
        if (csv != null && csv.total() > csv.rows()) {
            line("[backward-events.csv](backward-events.csv) holds a uniform sample of " + Readable.count(csv.rows())
                    + " of the " + Readable.count(csv.total()) + " backward events (at most "
                    + Readable.count(csv.capPerSource()) + " per source, drawn over the whole run).");
            line("");
        }
    }

    private void crossThread(Summary s) {
        if (s.crossThread().isEmpty()) {
            return;
        }
        line("## Readings handed to another thread under a lock");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.crossThread().forEach((id, b) -> rows.add(row(id, Readable.count(b.comparisons()),
                Readable.count(b.backwardEvents()), Readable.perMillion(b.backwardPerMillion()),
                step(b.backwardEvents(), b.maxBackwardNs()))));
        table(List.of("source", "hand-offs", "went back", "rate", "largest step"), rows);
    }

    private void crossSource(Summary s) {
        if (s.crossSource().isEmpty()) {
            return;
        }
        line("## One source read right after another");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.crossSource().forEach((pair, c) -> rows.add(List.of("`" + pair.replace("->", "` → `") + "`",
                Readable.count(c.comparisons()), Readable.count(c.violations()), step(c.violations(), c.maxNs()))));
        table(List.of("first → second", "pairs", "second behind", "largest"), rows);
    }

    private void latency(Summary s) {
        line("## Latency and error");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.sources().forEach((id, source) -> {
            ErrorSummary error = source.errorNs();
            rows.add(row(id, Readable.ns(source.latencyNs().p50()), Readable.ns(source.latencyNs().p99()),
                    Readable.ns(source.latencyNs().max()), error == null ? "–" : Readable.ns(error.mean()),
                    error == null ? "–" : Readable.ns(error.maxAbs())));
        });
        table(List.of("source", "latency p50", "p99", "max", "error mean", "error max"), rows);
    }

    private void threads(Summary s) {
        List<List<String>> rows = new ArrayList<>();
        s.sources().forEach((id, source) -> {
            for (ThreadSummary t : source.threads()) {
                rows.add(row(id, String.valueOf(t.thread()), Readable.count(t.reads()), Readable.count(t.migrations()),
                        Readable.count(t.backwardEvents()), step(t.backwardEvents(), t.maxBackwardNs())));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        line("## Per thread");
        line("");
        folded("Each thread's reads, migrations and backward steps", () -> table(List.of("source", "thread", "reads",
                "migrations", "went back", "largest step"), rows));
    }

    private void kernel(KernelSummary kernel) {
        line("## Kernel");
        line("");
        List<KernelSummary.Switch> switches = kernel.switches();
        if (switches.isEmpty()) {
            line("- clocksource: " + (kernel.finalClocksource() == null ? "none" : "`" + kernel.finalClocksource()
                    + "` throughout"));
        }
        for (KernelSummary.Switch w : switches) {
            line("- clocksource: `" + w.from() + "` → `" + w.to() + "` at " + Readable.ns(w.timeNs()) + ": " + w.reason());
        }
        KernelSummary.SyncCheck sync = kernel.syncCheck();
        line("- boot-time TSC sync check: " + (sync.enabled() ? verdictCounts(sync.cpus().stream()
                .map(KernelSummary.SyncCheckCpu::verdict).toList(), "cpu", "cpus") : "off"));
        KernelSummary.Watchdog watchdog = kernel.watchdog();
        line("- clocksource watchdog: " + (watchdog.enabled() ? verdictCounts(watchdog.checks().stream()
                .map(KernelSummary.WatchdogCheck::verdict).toList(), "check", "checks") : "off"));
        line("- " + Readable.count(kernel.ticks()) + " ticks; NTP " + (kernel.ntpMultChanges() == 0
                ? "never changed the rate (mult)" : "changed the rate (mult) " + Readable.times(kernel.ntpMultChanges())));
        line("");
        List<KernelSummary.SyncCheckCpu> cpus = kernel.syncCheck().cpus();
        if (!cpus.isEmpty()) {
            List<List<String>> rows = cpus.stream().map(c -> cells(c.cpu(), c.verdict(), c.runs(),
                    c.runWarpsCycles(), c.compensationCycles())).toList();
            folded("Sync check per cpu", () -> table(List.of("cpu", "verdict", "runs",
                    "warp of each run (cycles)", "compensation (cycles)"), rows));
        }
        List<KernelSummary.WatchdogCheck> checks = kernel.watchdog().checks();
        if (!checks.isEmpty()) {
            List<List<String>> rows = checks.stream().map(c -> List.of(Readable.ns(c.timeNs()), String.valueOf(c.cpu()),
                    c.verdict(), Readable.ns(c.skewNs()))).toList();
            folded("Watchdog checks", () -> table(List.of("time", "cpu", "verdict", "skew"), rows));
        }
    }

    private void charts(Collection<String> charts, List<String> notes) {
        line("## Charts");
        line("");
        for (String note : notes) {
            line(note);
            line("");
        }
        for (String chart : charts) {
            line("### " + chart);
            line("");
            line(CAPTIONS.getOrDefault(chart, "") + " ([SVG](" + chart + ".svg))");
            line("");
            line("![" + chart + "](" + chart + ".png)");
            line("");
        }
    }

    /** The largest step, or a dash when nothing went back. */
    private static String step(Long events, BigDecimal maxNs) {
        return events == null || events == 0 ? "–" : Readable.ns(maxNs);
    }

    /** A table row: the source id as code, then the cells. */
    private static List<String> row(String source, String... cells) {
        List<String> row = new ArrayList<>();
        row.add("`" + source + "`");
        row.addAll(Arrays.asList(cells));
        return row;
    }

    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(String::valueOf).toList();
    }

    /** {@code 3 checks: 2 ok, 1 unstable}. */
    private static String verdictCounts(List<String> verdicts, String one, String many) {
        if (verdicts.isEmpty()) {
            return "on, no " + many;
        }
        Map<String, Integer> counts = new TreeMap<>();
        verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, count) -> parts.add(count + " " + verdict));
        return verdicts.size() + " " + (verdicts.size() == 1 ? one : many) + ": " + String.join(", ", parts);
    }

    /** Writes {@code body} inside a collapsed block titled {@code summary} (GitHub opens it on a click). */
    private void folded(String summary, Runnable body) {
        line("<details><summary>" + summary + "</summary>");
        line("");
        body.run();
        line("</details>");
        line("");
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
        line("");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
