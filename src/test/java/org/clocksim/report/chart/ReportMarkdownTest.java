package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.results.ExpectFile;
import org.clocksim.results.ExpectationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReportMarkdownTest {
    private static final List<String> CHARTS = List.of("skew", "latency");

    private static String write(Results results) {
        return ReportMarkdown.write(results, CHARTS, List.of());
    }

    /** The line after the title: the finding. */
    private static String headline(String md) {
        return md.lines().skip(2).findFirst().orElseThrow();
    }

    @Test
    void leadsWithWhatWentBackwardsByHowMuchAndWhy() {
        String md = write(ResultsFixture.committed("quickstart"));
        assertThat(md).startsWith("# quickstart\n\n");
        // summary.json: 657 events each, max 14983.333 and 14976.25 ns, cause migration 657
        assertThat(headline(md)).startsWith("`rdtsc` and `rdtscp` each went backwards 657 times, up to 15.0 µs, "
                + "all after a migration.").endsWith("The kernel kept `tsc` as its clocksource.");
        assertThat(md).contains("| `rdtsc` | 4,652,195 | 657 | 141 per million | 15.0 µs | 1,986 |")
                .contains("500 ms of simulated time")
                .doesNotContain("500000000")
                .doesNotContain("handed to another thread");
    }

    @Test
    void inAHandOffExperimentTheHandOffsComeFirstInTheHeadlineAndTheTables() {
        String md = write(ResultsFixture.committed("two-socket-handoff"));
        assertThat(headline(md)).startsWith("Readings handed to another thread under a lock went backwards: "
                + "`rdtsc` 376,623 times (25.0 % of hand-offs), up to 1.87 µs; `rdtscp` 343,103 times")
                .contains("No thread saw its own readings go backwards");
        assertThat(md.indexOf("## Readings handed to another thread")).isPositive()
                .isLessThan(md.indexOf("## Each thread's own readings"));
    }

    @Test
    void saysWhatTheKernelDidInWords() {
        String md = write(ResultsFixture.fixture());
        assertThat(headline(md)).endsWith("The clocksource watchdog found `tsc` unstable; the kernel switched its clocksource from `tsc` to `hpet` at 250 ms.");
        assertThat(md).contains("- clocksource: `tsc` → `hpet` at 250 ms: watchdog: tsc unstable")
                .contains("- boot-time TSC sync check: 2 cpus: 1 compensated, 1 ok")
                .contains("- clocksource watchdog: 5 checks: 4 ok, 1 unstable")
                .contains("| 2 | compensated | 2 | [48000, 0] | -48000 |")
                .contains("![skew](skew.png)")
                .contains("([SVG](latency.svg))");
    }

    @Test
    void showsTheExpectationsVerdictsAndTheCheckProgramsVerdictBeforeTheTables(@TempDir Path tmp) throws IOException {
        Path dir = ResultsFixture.copy(Path.of("results", "selftest-inconsistency-check"), tmp);
        ExpectFile.write(List.of(new ExpectationResult("rdtsc.backwardEvents == 0", "0", true),
                new ExpectationResult("kernel.finalClocksource == hpet", "tsc", false)), dir);
        String md = write(ResultsFixture.read(dir));
        assertThat(md).contains("**1 of 2 expectations of the config fail.**")
                .contains("| pass | `rdtsc.backwardEvents == 0` | 0 |")
                .contains("| **FAIL** | `kernel.finalClocksource == hpet` | tsc |")
                .contains("The check program `inconsistency-check` says **pass** (windows 54593, failingWindows 0).");
        assertThat(md.indexOf("## Verdicts")).isLessThan(md.indexOf("## Each thread's own readings"));
    }

    @Test
    void withoutExpectationsSaysSo() {
        assertThat(write(ResultsFixture.fixture())) // the fixture has no expect.json
                .contains("The config sets no expectations (no `expect:` section).");
    }

    static Stream<String> committed() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("results"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("summary.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    /** GitHub's page shows about six or seven columns without scrolling. */
    @ParameterizedTest
    @MethodSource("committed")
    void everyTableIsNarrowEnoughForGitHub(String experiment) {
        String md = write(ResultsFixture.committed(experiment));
        assertThat(md.lines().filter(l -> l.startsWith("|---")))
                .allSatisfy(separator -> assertThat(Arrays.stream(separator.split("\\|")).filter(c -> !c.isEmpty()))
                        .hasSizeLessThanOrEqualTo(6));
    }

    @Test
    void anExpectationsActualValueIsShownAsTheTablesShowIt() {
        assertThat(ReportMarkdown.actual(new ExpectationResult("rdtsc.crossThread.maxBackwardNs in 1840..1880",
                "1870.833", true))).isEqualTo("1.87 µs");
        assertThat(ReportMarkdown.actual(new ExpectationResult("rdtsc.crossThread.backwardEvents >= 1", "376601",
                true))).isEqualTo("376,601");
        assertThat(ReportMarkdown.actual(new ExpectationResult("rdtsc.backwardPerMillion < 1", "22.015", true)))
                .isEqualTo("22.015");
        assertThat(ReportMarkdown.actual(new ExpectationResult("kernel.finalClocksource == tsc", "tsc", true)))
                .isEqualTo("tsc");
        assertThat(ReportMarkdown.actual(new ExpectationResult("vdso-clock_gettime.latencyNs.p50 in 1400..1700",
                "1534.975", true))).isEqualTo("1.53 µs");
    }
}
