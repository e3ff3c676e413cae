package org.clocksim.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.ExperimentFixture;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.report.SummaryJson;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryFileTest {
    private static Summary written;

    @TempDir
    Path tmp;

    /** A real run with backward events, cross-thread figures and a source that does not read the time. */
    @BeforeAll
    static void run() {
        written = SummaryJson.of(new ExperimentRunner(1, ProgressListener.NONE).run(ExperimentFixture.twoSockets()
                .socketOffsets(0L, 20 * ExperimentFixture.US).threads(2)
                .lockHandoff(new Distribution.Exponential(100 * ExperimentFixture.NS), HandoffOrder.RANDOM)
                .migration(MigrationPolicy.POISSON, 5000, 0, List.of(),
                        new Distribution.Exponential(2 * ExperimentFixture.US))
                .sources(SourceId.RDTSC, SourceId.VDSO_CLOCK_GETTIME, SourceId.GETCPU).build(), 0));
    }

    @Test
    void aRunsSummaryReadsBackAsTheSameRecordsAndWritesTheSameBytes() throws IOException {
        assertThat(written.source("rdtsc").orElseThrow().backwardEvents()).isPositive();
        assertThat(written.crossThread()).containsKey("rdtsc");
        assertThat(written.source("getcpu").orElseThrow().staleCpu()).isNotNull();
        Path first = Files.createDirectory(tmp.resolve("first"));
        SummaryFile.write(written, first);
        Summary read = SummaryFile.read(first);
        assertThat(read).isEqualTo(written);
        Path second = Files.createDirectory(tmp.resolve("second"));
        SummaryFile.write(read, second);
        assertThat(Files.readString(second.resolve(SummaryFile.NAME)))
                .isEqualTo(Files.readString(first.resolve(SummaryFile.NAME)));
    }

    @Test
    void theFormatVersionIsTheFirstKey() throws IOException {
        SummaryFile.write(written, tmp);
        assertThat(Files.readAllLines(tmp.resolve(SummaryFile.NAME)).get(1))
                .isEqualTo("  \"formatVersion\" : " + SummaryFile.FORMAT_VERSION + ",");
    }

    @Test
    void aSourceThatDoesNotReadTheTimeHasNoBackwardFields() {
        com.fasterxml.jackson.databind.JsonNode getcpu = SummaryFile.toJson(written).path("sources").path("getcpu");
        assertThat(getcpu.has("staleCpu")).isTrue();
        assertThat(List.of("comparisons", "backwardEvents", "maxBackwardNs", "backwardByCause", "errorNs", "windows64"))
                .allSatisfy(key -> assertThat(getcpu.has(key)).as(key).isFalse());
    }

    @Test
    void everyCatalogueMetricIsWhereItsPresenceSays() {
        for (SourceMetric metric : Metrics.SOURCE) {
            boolean onRdtsc = metric.presence() != SourceMetric.Presence.GETCPU
                    && metric.presence() != SourceMetric.Presence.CPU_ID_WITH_TIME;
            assertThat(metric.of(written, "rdtsc").isPresent()).as(metric.name() + " of rdtsc").isEqualTo(onRdtsc);
            // a cause that never occurred counts 0 wherever the source ran (validate refuses it for getcpu)
            boolean onGetcpu = metric.presence() == SourceMetric.Presence.ALWAYS
                    || metric.presence() == SourceMetric.Presence.GETCPU || metric.name().startsWith("backwardByCause.");
            assertThat(metric.of(written, "getcpu").isPresent()).as(metric.name() + " of getcpu").isEqualTo(onGetcpu);
        }
        assertThat(Metrics.MAX_BACKWARD.of(written, "rdtsc").orElseThrow().text())
                .isEqualTo(written.sources().get("rdtsc").maxBackwardNs().toString());
        // the fixture's watchdog never marks the TSC unstable: only the figures of that check are absent
        assertThat(written.kernel().watchdog().withVerdict("unstable")).isZero();
        List<String> onlyWhenUnstable = List.of("watchdog.unstableCpu", "watchdog.unstableSkewNs");
        assertThat(Metrics.KERNEL).allSatisfy(m -> assertThat(m.of(written.kernel()).isPresent()).as(m.name())
                .isEqualTo(!onlyWhenUnstable.contains(m.name())));
    }

    /** The CPU and skew of the check that marked the TSC unstable: the first such check's. */
    @Test
    void theUnstableChecksFiguresAreThoseOfTheCheckThatMarkedTheTsc() {
        KernelSummary.Watchdog watchdog = new KernelSummary.Watchdog(true, List.of(
                new KernelSummary.WatchdogCheck(BigDecimal.ONE, 0, "first", BigDecimal.ZERO),
                new KernelSummary.WatchdogCheck(BigDecimal.TEN, 3, "unstable", BigDecimal.valueOf(-438833))));
        KernelSummary kernel = new KernelSummary("hpet", List.of(), written.kernel().syncCheck(), watchdog, 1, 0, List.of(), List.of());
        assertThat(Metrics.named(Metrics.KERNEL, "watchdog.unstableCpu").orElseThrow().of(kernel).orElseThrow().text())
                .isEqualTo("3");
        assertThat(Metrics.named(Metrics.KERNEL, "watchdog.unstableSkewNs").orElseThrow().of(kernel).orElseThrow().text())
                .isEqualTo("-438833");
    }

    private Path withVersion(String version) throws IOException {
        SummaryFile.write(written, tmp);
        Path file = tmp.resolve(SummaryFile.NAME);
        String text = Files.readString(file);
        Files.writeString(file, text.replace("  \"formatVersion\" : 1,\n", version));
        return file;
    }

    @Test
    void aNewerVersionNamesTheFileAndBothVersions() throws IOException {
        Path file = withVersion("  \"formatVersion\" : 2,\n");
        assertThatThrownBy(() -> SummaryFile.read(tmp)).isInstanceOf(ResultsFormatException.class)
                .hasMessage(file + ": format version 2 is newer than this clocksim reads (1); use a newer clocksim");
    }

    @Test
    void anOlderVersionNamesTheFileAndBothVersions() throws IOException {
        Path file = withVersion("  \"formatVersion\" : 0,\n");
        assertThatThrownBy(() -> SummaryFile.read(tmp)).isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": format version 0 is older than this clocksim reads (1)");
    }

    @Test
    void aMissingVersionSaysSo() throws IOException {
        Path file = withVersion("");
        assertThatThrownBy(() -> SummaryFile.read(tmp)).isInstanceOf(ResultsFormatException.class)
                .hasMessageStartingWith(file + ": no formatVersion").hasMessageContaining("format version 1");
    }

    @Test
    void aSweepFileOfAnotherVersionIsRefusedToo() throws IOException {
        Path file = tmp.resolve(SweepFile.NAME);
        Files.writeString(file, "{\"formatVersion\": 7, \"experiment\": \"x\", \"parameters\": [], \"points\": []}");
        assertThatThrownBy(() -> SweepFile.read(tmp)).isInstanceOf(ResultsFormatException.class)
                .hasMessage(file + ": format version 7 is newer than this clocksim reads (1); use a newer clocksim");
    }
}
