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
import org.clocksim.results.KernelSummary;
import org.clocksim.results.Summary;
import org.clocksim.results.ThreadSummary;

/**
 * report.md: the experiment, the key numbers per source and across threads (as summary.json writes
 * them, read back as records), what the kernel did, and the charts embedded by relative path. Reads well on
 * GitHub.
 */
final class ReportMarkdown {
    private static final String NONE = "–";
    private static final Map<String, String> CAPTIONS = Map.of(
            SkewChart.ABSOLUTE, "Each core's counter offset from true time over the run.",
            SkewChart.RELATIVE, "Each core's counter offset from core 0's: what a migration between them jumps by.",
            CoreOffsetsChart.NAME, "Offsets between every pair of cores at the end of the run.",
            BackwardEventsChart.HISTOGRAM, "How far readings went back, per source (log-scaled bins).",
            BackwardEventsChart.TIMELINE, "When readings went back, and by how much.",
            ReadTraceChart.NAME, "Reads of one thread around its first backward step.",
            LatencyChart.NAME, "Latency of one call by percentile (the last point of each line is the maximum).");

    private final StringBuilder out = new StringBuilder();

    private ReportMarkdown() {
    }

    static String write(Results results, Collection<String> charts) {
        ReportMarkdown md = new ReportMarkdown();
        Summary summary = results.summary().summary();
        md.header(results.summary(), summary);
        md.sources(summary);
        md.threads(summary);
        md.crossThread(summary);
        md.kernel(summary.kernel());
        md.charts(charts);
        return md.out.toString();
    }

    private void header(SummaryView view, Summary s) {
        line("# " + view.experiment());
        line("");
        if (!view.description().isEmpty()) {
            line(view.description());
            line("");
        }
        line("Seed " + s.seed() + ", replication " + s.replication() + ", " + num(s.durationNs())
                + " ns of simulated time. The resolved config is "
                + "[experiment.yaml](experiment.yaml); every number below is from [summary.json](summary.json).");
        line("");
    }

    private void sources(Summary s) {
        line("## Per source");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.sources().forEach((id, source) -> {
            ErrorSummary error = source.errorNs();
            rows.add(row(id, source.reads(), source.backwardEvents(), source.backwardPerMillion(),
                    source.maxBackwardNs(), source.latencyNs().p50(), source.latencyNs().p99(),
                    source.latencyNs().max(), error == null ? null : error.mean(), error == null ? null : error.maxAbs(),
                    source.migratedReads()));
        });
        table(List.of("source", "reads", "backward events", "per million", "max backward (ns)", "latency p50 (ns)",
                "p99 (ns)", "max (ns)", "error mean (ns)", "error max abs (ns)", "migrated reads"), rows);
        BackwardEventsCsvSummary csv = s.backwardEventsCsv();
        if (csv != null) {
            line("backward-events.csv holds " + csv.rows() + " of " + csv.total()
                    + " backward events (at most " + csv.capPerSource() + " per source).");
            line("");
        }
    }

    private void threads(Summary s) {
        List<List<String>> rows = new ArrayList<>();
        s.sources().forEach((id, source) -> {
            for (ThreadSummary t : source.threads()) {
                rows.add(row(id, t.thread(), t.reads(), t.migrations(), t.backwardEvents(), t.maxBackwardNs()));
            }
        });
        if (rows.isEmpty()) {
            return;
        }
        line("## Per thread");
        line("");
        table(List.of("source", "thread", "reads", "migrations", "backward events", "max backward (ns)"), rows);
    }

    private void crossThread(Summary s) {
        if (s.crossThread().isEmpty()) {
            return;
        }
        line("## Across threads (readings handed over under a lock)");
        line("");
        List<List<String>> rows = new ArrayList<>();
        s.crossThread().forEach((id, b) -> rows.add(row(id, b.comparisons(), b.backwardEvents(),
                b.backwardPerMillion(), b.maxBackwardNs())));
        table(List.of("source", "comparisons", "backward events", "per million", "max backward (ns)"), rows);
    }

    private void kernel(KernelSummary kernel) {
        line("## Kernel");
        line("");
        line("- final clocksource: `" + (kernel.finalClocksource() == null ? NONE : kernel.finalClocksource()) + "`");
        List<KernelSummary.Switch> switches = kernel.switches();
        line("- clocksource switches: " + (switches.isEmpty() ? "none" : switches.size()));
        line("- sync check: enabled " + kernel.syncCheck().enabled());
        line("- watchdog: enabled " + kernel.watchdog().enabled() + verdictCounts(kernel.watchdog().checks()));
        line("- ticks: `" + kernel.ticks() + "`");
        line("- ntpMultChanges: `" + kernel.ntpMultChanges() + "`");
        line("");
        if (!switches.isEmpty()) {
            line("Clocksource switches:");
            line("");
            table(List.of("timeNs", "from", "to", "reason"), switches.stream()
                    .map(w -> cells(w.timeNs(), w.from(), w.to(), w.reason())).toList());
        }
        List<KernelSummary.SyncCheckCpu> cpus = kernel.syncCheck().cpus();
        if (!cpus.isEmpty()) {
            line("Sync check per cpu:");
            line("");
            table(List.of("cpu", "verdict", "runs", "runWarpsCycles", "compensationCycles"), cpus.stream()
                    .map(c -> cells(c.cpu(), c.verdict(), c.runs(), c.runWarpsCycles(), c.compensationCycles())).toList());
        }
        List<KernelSummary.WatchdogCheck> checks = kernel.watchdog().checks();
        if (!checks.isEmpty()) {
            line("Watchdog checks:");
            line("");
            table(List.of("timeNs", "cpu", "verdict"), checks.stream()
                    .map(c -> cells(c.timeNs(), c.cpu(), c.verdict())).toList());
        }
    }

    private void charts(Collection<String> charts) {
        line("## Charts");
        line("");
        for (String chart : charts) {
            line("### " + chart);
            line("");
            line(CAPTIONS.getOrDefault(chart, "") + " ([SVG](" + chart + ".svg))");
            line("");
            line("![" + chart + "](" + chart + ".png)");
            line("");
        }
    }

    /** A table row: the source id as code, then the values. */
    private static List<String> row(String source, Object... values) {
        List<String> row = new ArrayList<>();
        row.add("`" + source + "`");
        row.addAll(cells(values));
        return row;
    }

    private static List<String> cells(Object... values) {
        return Arrays.stream(values).map(ReportMarkdown::num).toList();
    }

    private static String verdictCounts(List<KernelSummary.WatchdogCheck> checks) {
        if (checks.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (KernelSummary.WatchdogCheck c : checks) {
            counts.merge(c.verdict(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, count) -> parts.add(count + " " + verdict));
        return "; " + checks.size() + " checks (" + String.join(", ", parts) + ")";
    }

    private void table(List<String> header, List<List<String>> rows) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.size()));
        for (List<String> row : rows) {
            line("| " + String.join(" | ", row) + " |");
        }
        line("");
    }

    /** A value as summary.json writes it (plain decimal notation), or a dash when absent. */
    static String num(Object value) {
        if (value == null) {
            return NONE;
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
