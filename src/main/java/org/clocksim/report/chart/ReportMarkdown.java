package org.clocksim.report.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * report.md: the experiment, the key numbers per source and across threads (as summary.json writes
 * them), what the kernel did, and the charts embedded by relative path. Reads well on GitHub.
 */
final class ReportMarkdown {
    private static final String NONE = "–";
    private static final Set<String> KERNEL_KNOWN = Set.of("finalClocksource", "switches", "syncCheck", "watchdog");
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
        md.header(results.summary().json());
        md.sources(results.summary().json());
        md.threads(results.summary().json());
        md.crossThread(results.summary().json());
        md.kernel(results.summary().json().path("kernel"));
        md.charts(charts);
        return md.out.toString();
    }

    private void header(JsonNode s) {
        line("# " + s.path("experiment").asText("?"));
        line("");
        if (!s.path("description").asText("").isEmpty()) {
            line(s.path("description").asText());
            line("");
        }
        line("Seed " + num(s.path("seed")) + ", replication " + num(s.path("replication")) + ", "
                + num(s.path("durationNs")) + " ns of simulated time. The resolved config is "
                + "[experiment.yaml](experiment.yaml); every number below is from [summary.json](summary.json).");
        line("");
    }

    private void sources(JsonNode s) {
        line("## Per source");
        line("");
        List<List<String>> rows = rowPerKey(s.path("sources"), "/reads", "/backwardEvents", "/backwardPerMillion",
                "/maxBackwardNs", "/latencyNs/p50", "/latencyNs/p99", "/latencyNs/max", "/errorNs/mean",
                "/errorNs/maxAbs", "/migratedReads");
        table(List.of("source", "reads", "backward events", "per million", "max backward (ns)", "latency p50 (ns)",
                "p99 (ns)", "max (ns)", "error mean (ns)", "error max abs (ns)", "migrated reads"), rows);
        JsonNode csv = s.path("backwardEventsCsv");
        if (!csv.isMissingNode()) {
            line("backward-events.csv holds " + num(csv.path("rows")) + " of " + num(csv.path("total"))
                    + " backward events (at most " + num(csv.path("capPerSource")) + " per source).");
            line("");
        }
    }

    private void threads(JsonNode s) {
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("sources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            for (JsonNode t : e.getValue().path("threads")) {
                rows.add(List.of("`" + e.getKey() + "`", num(t.path("thread")), num(t.path("reads")),
                        num(t.path("migrations")), num(t.path("backwardEvents")), num(t.path("maxBackwardNs"))));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        line("## Per thread");
        line("");
        table(List.of("source", "thread", "reads", "migrations", "backward events", "max backward (ns)"), rows);
    }

    private void crossThread(JsonNode s) {
        if (s.path("crossThread").isEmpty()) {
            return;
        }
        line("## Across threads (readings handed over under a lock)");
        line("");
        List<List<String>> rows = rowPerKey(s.path("crossThread"), "/comparisons", "/backwardEvents",
                "/backwardPerMillion", "/maxBackwardNs");
        table(List.of("source", "comparisons", "backward events", "per million", "max backward (ns)"), rows);
    }

    private void kernel(JsonNode kernel) {
        line("## Kernel");
        line("");
        line("- final clocksource: `" + kernel.path("finalClocksource").asText(NONE) + "`");
        JsonNode switches = kernel.path("switches");
        line("- clocksource switches: " + (switches.isEmpty() ? "none" : switches.size()));
        line("- sync check: " + scalars(kernel.path("syncCheck")));
        line("- watchdog: " + scalars(kernel.path("watchdog")) + verdictCounts(kernel.path("watchdog").path("checks")));
        for (Iterator<Map.Entry<String, JsonNode>> it = kernel.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!KERNEL_KNOWN.contains(e.getKey())) {
                line("- " + e.getKey() + ": `" + e.getValue() + "`");
            }
        }
        line("");
        if (!switches.isEmpty()) {
            line("Clocksource switches:");
            line("");
            arrayTable(switches, List.of("timeNs", "from", "to", "reason"));
        }
        JsonNode cpus = kernel.path("syncCheck").path("cpus");
        if (!cpus.isEmpty()) {
            line("Sync check per cpu:");
            line("");
            arrayTable(cpus, List.of("cpu", "verdict", "warpCycles", "compensationCycles"));
        }
        JsonNode checks = kernel.path("watchdog").path("checks");
        if (!checks.isEmpty()) {
            line("Watchdog checks:");
            line("");
            arrayTable(checks, List.of("timeNs", "cpu", "verdict"));
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

    /** One row per field of {@code object}: its key as code, then the values at {@code pointers} in it. */
    private static List<List<String>> rowPerKey(JsonNode object, String... pointers) {
        List<List<String>> rows = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> row = new ArrayList<>();
            row.add("`" + e.getKey() + "`");
            for (String pointer : pointers) {
                row.add(num(e.getValue().at(pointer)));
            }
            rows.add(row);
        }
        return rows;
    }

    /** "enabled: false, verdict: ok": the scalar fields of a kernel section. */
    private static String scalars(JsonNode section) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isValueNode()) {
                parts.add(e.getKey() + " " + num(e.getValue()));
            }
        }
        return parts.isEmpty() ? NONE : String.join(", ", parts);
    }

    private static String verdictCounts(JsonNode checks) {
        if (checks.isEmpty()) {
            return "";
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (JsonNode c : checks) {
            counts.merge(c.path("verdict").asText("?"), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((verdict, count) -> parts.add(count + " " + verdict));
        return "; " + checks.size() + " checks (" + String.join(", ", parts) + ")";
    }

    private void arrayTable(JsonNode array, List<String> columns) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode item : array) {
            rows.add(columns.stream().map(c -> num(item.path(c))).toList());
        }
        table(columns, rows);
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
    static String num(JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return NONE;
        }
        if (value.isBigDecimal() || value.isFloatingPointNumber()) {
            return value.decimalValue().toPlainString();
        }
        return value.asText();
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
