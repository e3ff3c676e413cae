package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
    private static final List<String> CHARTS = List.of("skew", "latency");

    /** The first cells of a source's row: its id, then reads and backward events as summary.json has them. */
    private static String row(Path dir, String table, String source) throws IOException {
        JsonNode node = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).path(table).path(source);
        long reads = table.equals("sources") ? node.path("reads").asLong() : node.path("comparisons").asLong();
        return "| `" + source + "` | " + reads + " | " + node.path("backwardEvents").asLong() + " | ";
    }

    @Test
    void holdsTheExperimentAndEachSourcesNumbersAsSummaryJsonWritesThem() throws IOException {
        Path dir = Path.of("results", "quickstart");
        String md = ReportMarkdown.write(ResultsFixture.committed("quickstart"), CHARTS);
        assertThat(md).startsWith("# quickstart\n")
                .contains("A migrating thread sees rdtsc go backwards across sockets 20 us apart")
                .contains(row(dir, "sources", "rdtsc"))
                .contains(row(dir, "sources", "rdtscp"))
                .containsPattern("backward-events.csv holds \\d+ of \\d+ backward events")
                .doesNotContain("Across threads");
    }

    @Test
    void holdsTheCrossThreadTableWhenThereIsOne() throws IOException {
        String md = ReportMarkdown.write(ResultsFixture.committed("two-socket-handoff"), CHARTS);
        assertThat(md).contains("## Across threads")
                .contains(row(Path.of("results", "two-socket-handoff"), "crossThread", "rdtsc"));
    }

    @Test
    void holdsTheKernelsVerdictsAndEventsAndEmbedsTheCharts() {
        String md = ReportMarkdown.write(ResultsFixture.fixture(), CHARTS);
        assertThat(md).contains("- final clocksource: `hpet`")
                .contains("- clocksource switches: 1")
                .contains("| 250000000 | tsc | hpet | watchdog: tsc unstable |")
                .contains("| 2 | compensated | 2 | [48000, 0] | -48000 |")
                .contains("5 checks (4 ok, 1 unstable)")
                .contains("![skew](skew.png)")
                .contains("![latency](latency.png)")
                .contains("([SVG](latency.svg))");
    }
}
