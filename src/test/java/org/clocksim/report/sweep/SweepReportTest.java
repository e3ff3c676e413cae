package org.clocksim.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepReportTest {
    @TempDir
    Path tmp;

    private String render(String fixture) throws Exception {
        Path dir = SweepFixture.copy(fixture, tmp.resolve(fixture));
        SweepReport.render(dir);
        return Files.readString(dir.resolve(SweepReport.REPORT), StandardCharsets.UTF_8);
    }

    @Test
    void theReportSaysWhatWasSweptAndHowOften() throws Exception {
        String md = render(SweepFixture.PHASE);
        assertThat(md).startsWith("# skew-vs-migration (sweep)\n")
                .contains("Socket offset × migration rate")
                .contains("15 points, 3 replications each, seed 42")
                .contains("95% confidence interval")
                .contains("| machine.tsc.socketOffset[1] | `machine.tsc.socketOffset[1]` | 10 ns, 100 ns, 1 µs, 10 µs, "
                        + "100 µs |")
                .contains("| scheduler.migration.rate | `scheduler.migration.rate` | 100/s, 1000/s, 10000/s |");
    }

    @Test
    void leadsWithTheRangeOfEachBackwardFigureAndWhereItPeaks() throws Exception {
        assertThat(render(SweepFixture.PHASE).lines().skip(2).findFirst().orElseThrow())
                .startsWith("- `rdtsc`: backward / million up to 5500 (at 10 µs, 10000/s), 0 at 3 of 15 points;");
        assertThat(render(SweepFixture.SINGLE)).contains("`vsyscall-gettimeofday`: backward / million from 4 "
                + "(at 1000/s) to 20 (at 5000/s); max backward 900 ns at every point.");
    }

    @Test
    void theChartsComeBeforeTheTablesAndNoTableIsWiderThanGitHubsPage() throws Exception {
        for (String fixture : new String[] {SweepFixture.PHASE, SweepFixture.HANDOFF, SweepFixture.SINGLE}) {
            String md = render(fixture);
            assertThat(md.indexOf("## Charts")).isPositive().isLessThan(md.indexOf("## Figures per point"));
            assertThat(md.lines().filter(l -> l.startsWith("|---")))
                    .allSatisfy(l -> assertThat(l.split("\\|", -1).length - 2).isLessThanOrEqualTo(6));
        }
    }

    @Test
    void aMetricTheSameAtEveryPointIsSaidOnceNotTabulated() throws Exception {
        String md = render(SweepFixture.HANDOFF);
        assertThat(md).containsPattern("The same at every point: backward / million 0, max backward 0 ns")
                .doesNotContain("| backward / million |");
    }

    @Test
    void eachSourcesTableHasARowPerPointWithMeansAndIntervals() throws Exception {
        Sweep sweep = SweepFixture.read(SweepFixture.PHASE);
        String md = render(SweepFixture.PHASE);
        for (String source : sweep.sources()) {
            assertThat(md).contains("### " + source + "\n");
        }
        Sweep.Point point = sweep.points().get(12);
        Sweep.Estimate e = point.estimate("rdtsc", "backwardPerMillion").orElseThrow();
        String cell = SweepReport.cell(Optional.of(e));
        assertThat(cell).isEqualTo(AxisNumbers.significant(e.mean(), 4) + " [" + AxisNumbers.significant(e.ciLow(), 4) + ", "
                + AxisNumbers.significant(e.ciHigh(), 4) + "]");
        assertThat(md).contains("| 1 µs | 10000/s | " + cell + " | ");
        // one backward table per source, a row per point, folded below the charts (15 rows > 12)
        assertThat(md.lines().filter(l -> l.matches("\\| [0-9.]+ [nµ]s \\| \\d+/s \\| .*")).count())
                .isGreaterThanOrEqualTo(15 * 3);
        assertThat(md).contains("<details><summary>backward / million, max backward at each of the 15 points</summary>");
    }

    @Test
    void numbersAreRoundedToFourSignificantDigitsAndOneReplicationShowsTheMeanAlone() throws Exception {
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(1.53333, 0.912345, 2.1544, 3))))
                .isEqualTo("1.533 [0.9123, 2.154]");
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(123456, 100000, 150000, 3))))
                .isEqualTo("123500 [100000, 150000]");
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(4, 4, 4, 1)))).isEqualTo("4");
        assertThat(SweepReport.cell(Optional.empty())).isEqualTo("–");
        assertThat(render(SweepFixture.SINGLE)).contains("| 4000/s | 16 |")
                .contains("with one replication the interval is the mean itself");
    }

    @Test
    void theChartsAreEmbeddedByRelativePathAndTheRerunCommandIsGiven() throws Exception {
        String md = render(SweepFixture.HANDOFF);
        assertThat(md).contains("![sweep-crossThreadMaxBackwardNs](sweep-crossThreadMaxBackwardNs.png)")
                .contains("[SVG](sweep-crossThreadBackwardPerMillion.svg)")
                .contains("clocksim run DIR/point-NNN/experiment.yaml --replication K")
                .contains("cross-thread max backward (ns)");
        assertThat(render(SweepFixture.PHASE)).contains("![sweep-heatmap-rdtsc](sweep-heatmap-rdtsc.png)");
    }
}
