package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clocksim.results.ProvenanceFile;
import org.clocksim.results.SummaryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** summary.json's round trip through the typed reader, its format version at the command line, provenance.json. */
class ResultsFilesCommandTest {
    @TempDir
    Path tmp;

    private Path run(String experiment, String name) {
        Path out = tmp.resolve(name);
        Cli ran = Cli.run("run", "experiments/" + experiment + ".yaml", "--out", out, "--set", "duration=2ms");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "two-socket-handoff", "watchdog-fallback", "selftest-inconsistency-check"})
    void aShippedExperimentsSummaryReadsBackAndWritesTheSameBytes(String experiment) throws IOException {
        Path out = run(experiment, experiment);
        Path again = Files.createDirectory(tmp.resolve("again"));
        SummaryFile.write(SummaryFile.read(out), again);
        assertThat(Files.readString(again.resolve(SummaryFile.NAME)))
                .isEqualTo(Files.readString(out.resolve(SummaryFile.NAME)));
    }

    @Test
    void plotRefusesASummaryOfANewerFormatWithExit2() throws IOException {
        Path out = run("quickstart", "run");
        Path summary = out.resolve(SummaryFile.NAME);
        Files.writeString(summary, Files.readString(summary).replace("\"formatVersion\" : 1,", "\"formatVersion\" : 2,"));
        Cli plot = Cli.run("plot", out);
        assertThat(plot.exitCode()).isEqualTo(2);
        assertThat(plot.err()).contains(summary + ": format version 2 is newer than this clocksim reads (1); "
                + "use a newer clocksim");
    }

    @Test
    void plotRefusesASummaryWithoutAVersionWithExit2() throws IOException {
        Path out = run("quickstart", "run");
        Path summary = out.resolve(SummaryFile.NAME);
        Files.writeString(summary, Files.readString(summary).replace("  \"formatVersion\" : 1,\n", ""));
        Cli plot = Cli.run("plot", out);
        assertThat(plot.exitCode()).isEqualTo(2);
        assertThat(plot.err()).contains(summary + ": no formatVersion");
    }

    @Test
    void aRunWritesItsProvenanceBesideTheResults() throws IOException {
        String provenance = Files.readString(run("quickstart", "run").resolve(ProvenanceFile.NAME));
        assertThat(provenance).contains("\"javaVersion\" : \"" + System.getProperty("java.version") + "\"")
                .contains("\"javaVendor\" : \"" + System.getProperty("java.vendor") + "\"")
                .contains("\"osName\" : \"" + System.getProperty("os.name") + "\"")
                .contains("\"chartFont\" : \"DejaVu Sans\"").contains("\"commit\" : ");
    }

    @Test
    void aSweepWritesProvenanceOnceAtItsTopNotInEachReplication() {
        Path out = tmp.resolve("sweep");
        Cli sweep = Cli.run("sweep", "experiments/skew-vs-migration.yaml", "--replications", "1", "--set",
                "duration=1ms", "--out", out);
        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        assertThat(out.resolve(ProvenanceFile.NAME)).isRegularFile();
        assertThat(out.resolve("point-000/rep-0/" + SummaryFile.NAME)).isRegularFile();
        assertThat(out.resolve("point-000/rep-0/" + ProvenanceFile.NAME)).doesNotExist();
    }

    @Test
    void provenanceIsNotOneOfTheFilesTheDeterminismCheckCompares() throws IOException {
        String script = Files.readString(Path.of(".ci/determinism"));
        assertThat(script).contains("-name summary.json -o -name sweep.json -o -name experiment.yaml")
                .doesNotContain(ProvenanceFile.NAME).doesNotContain("-name '*.json'");
    }

    @Test
    void versionPrintsTheFactsProvenanceRecords() {
        Cli version = Cli.run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("clocksim 0.1.0 (commit ")
                .contains(System.getProperty("java.vendor") + " " + System.getProperty("java.version"))
                .contains(System.getProperty("os.name")).contains(System.getProperty("os.arch"))
                .contains("chart font: DejaVu Sans");
    }
}
