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
                .contains("| `machine.tsc.socketOffset[1]` | ns | 10ns, 100ns, 1us, 10us, 100us |")
                .contains("| `scheduler.migration.rate` | /s | 100/s, 1000/s, 10000/s |");
    }

    @Test
    void eachSourcesTableHasARowPerPointWithMeansAndIntervals() throws Exception {
        Sweep sweep = SweepFixture.read(SweepFixture.PHASE);
        String md = render(SweepFixture.PHASE);
        for (String source : sweep.sources()) {
            assertThat(md).contains("## " + source + "\n");
        }
        Sweep.Point point = sweep.points().get(12);
        Sweep.Estimate e = point.estimate("rdtsc", "backwardPerMillion").orElseThrow();
        String cell = SweepReport.cell(Optional.of(e));
        assertThat(cell).isEqualTo(AxisNumbers.significant(e.mean(), 4) + " [" + AxisNumbers.significant(e.ciLow(), 4) + ", "
                + AxisNumbers.significant(e.ciHigh(), 4) + "]");
        assertThat(md).contains("| [point-012](point-012/) | 1us | 10000/s | " + cell + " | ");
        assertThat(md.lines().filter(l -> l.startsWith("| [point-")).count()).isEqualTo(15 * 3);
    }

    @Test
    void numbersAreRoundedToFourSignificantDigitsAndOneReplicationShowsTheMeanAlone() throws Exception {
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(1.53333, 0.912345, 2.1544, 3))))
                .isEqualTo("1.533 [0.9123, 2.154]");
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(123456, 100000, 150000, 3))))
                .isEqualTo("123500 [100000, 150000]");
        assertThat(SweepReport.cell(Optional.of(new Sweep.Estimate(4, 4, 4, 1)))).isEqualTo("4");
        assertThat(SweepReport.cell(Optional.empty())).isEqualTo("–");
        assertThat(render(SweepFixture.SINGLE)).contains("| [point-003](point-003/) | 4000/s | 16 | 900 |")
                .contains("with one replication the interval is the mean itself");
    }

    @Test
    void theChartsAreEmbeddedByRelativePathAndTheRerunCommandIsGiven() throws Exception {
        String md = render(SweepFixture.HANDOFF);
        assertThat(md).contains("![sweep-crossThreadMaxBackwardNs](sweep-crossThreadMaxBackwardNs.png)")
                .contains("[SVG](sweep-backwardPerMillion.svg)")
                .contains("clocksim run DIR/point-NNN/experiment.yaml --replication K")
                .contains("cross-thread max backward (ns)");
        assertThat(render(SweepFixture.PHASE)).contains("![sweep-heatmap-rdtsc](sweep-heatmap-rdtsc.png)");
    }
}
