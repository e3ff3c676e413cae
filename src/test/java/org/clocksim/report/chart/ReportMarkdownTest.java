package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMarkdownTest {
    private static final List<String> CHARTS = List.of("skew", "latency");

    @Test
    void holdsTheExperimentAndEachSourcesNumbersAsSummaryJsonWritesThem() {
        String md = ReportMarkdown.write(ResultsFixture.committed("quickstart"), CHARTS);
        assertThat(md).startsWith("# quickstart\n")
                .contains("A migrating thread sees rdtsc go backwards across sockets 20 us apart")
                .contains("| `rdtsc` | 4651651 | 666 | 143.175 | 14981.667 | 12.607 | 15.911 | 10018.815 | 17921.879 "
                        + "| 34999.76 | 2011 |")
                .contains("| `rdtscp` | 1 | 2192281 | 961 | 309 | 14969.583 |")
                .contains("backward-events.csv holds 1332 of 1332 backward events")
                .doesNotContain("Across threads");
    }

    @Test
    void holdsTheCrossThreadTableWhenThereIsOne() {
        String md = ReportMarkdown.write(ResultsFixture.committed("two-socket-handoff"), CHARTS);
        assertThat(md).contains("## Across threads")
                .contains("| `rdtsc` | 1506385 | 376594 | 249998.506 | 1871.25 |");
    }

    @Test
    void holdsTheKernelsVerdictsAndEventsAndEmbedsTheCharts() {
        String md = ReportMarkdown.write(ResultsFixture.fixture(), CHARTS);
        assertThat(md).contains("- final clocksource: `hpet`")
                .contains("- clocksource switches: 1")
                .contains("| 250000000 | tsc | hpet | watchdog: tsc unstable |")
                .contains("| 2 | compensated | 48000 | -48000 |")
                .contains("5 checks (4 ok, 1 unstable)")
                .contains("![skew](skew.png)")
                .contains("![latency](latency.png)")
                .contains("([SVG](latency.svg))");
    }
}
