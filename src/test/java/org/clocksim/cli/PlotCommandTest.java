package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.report.out.ResultsMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
    @TempDir
    Path tmp;

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void copyData(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String name : files(from)) {
            if (!name.endsWith(".png") && !name.endsWith(".svg") && !name.equals("report.md")) {
                Files.copy(from.resolve(name), to.resolve(name));
            }
        }
    }

    @Test
    void plotOnACopyOfTheDataRendersTheSameFilesAsTheRun() throws IOException {
        Path run = tmp.resolve("run");
        Cli ran = Cli.run("run", "experiments/quickstart.yaml", "--out", run, "--set", "duration=10ms");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        Path copy = tmp.resolve("copy");
        copyData(run, copy);
        Files.writeString(copy.resolve("stale.png"), "an old chart");
        Cli plotted = Cli.run("plot", copy);
        assertThat(plotted.exitCode()).as(plotted.err()).isZero();
        assertThat(plotted.out()).contains("report.md");
        assertThat(files(copy)).isEqualTo(files(run));
        for (String name : files(run)) {
            assertThat(Files.readAllBytes(copy.resolve(name))).as(name).isEqualTo(Files.readAllBytes(run.resolve(name)));
        }
        assertThat(files(tmp)).containsExactly("copy", "run");
    }

    @Test
    void aRunWithNoBackwardEventsDrawsNoChartOfThemAndItsReportSaysWhy() throws IOException {
        Path out = tmp.resolve("pinned");
        Cli ran = Cli.run("run", "experiments/pinned-baseline.yaml", "--out", out, "--set", "duration=5ms");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(files(out)).contains("skew.png", "latency.svg")
                .doesNotContain("backward-events.png", "backward-timeline.svg", "read-trace.png");
        assertThat(Files.readString(out.resolve("report.md"))).contains("Nothing went backwards in ")
                .doesNotContain("![backward-events]");
    }

    @Test
    void plotRefusesADirectoryClocksimDidNotWriteAndLeavesItAlone() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("not-results"));
        Files.writeString(dir.resolve("notes.txt"), "mine");
        Cli cli = Cli.run("plot", dir);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(dir + " is not a results directory clocksim wrote").contains(ResultsMarker.NAME);
        assertThat(files(dir)).containsExactly("notes.txt");
        assertThat(files(tmp)).containsExactly("not-results");
    }

    private Path quickRun(String name) throws IOException {
        Path run = tmp.resolve(name);
        Cli ran = Cli.run("run", "experiments/quickstart.yaml", "--out", run, "--set", "duration=2ms");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        return run;
    }

    @Test
    void anEmptySummaryIsRefusedBeforeAnythingIsCopiedNamingTheUsersFile() throws IOException {
        Path run = quickRun("run");
        Files.writeString(run.resolve("summary.json"), "{}");
        Cli cli = Cli.run("plot", run);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(run.resolve("summary.json") + ": not a run's summary")
                .contains("missing experiment, seed, durationNs, sources, kernel").doesNotContain(".tmp-");
        assertThat(files(tmp)).containsExactly("run");
        Files.writeString(run.resolve("summary.json"), "{\"experiment\": ");
        Cli truncated = Cli.run("plot", run);
        assertThat(truncated.exitCode()).isEqualTo(2);
        assertThat(truncated.err()).contains(run.resolve("summary.json") + ": not valid JSON");
    }

    @Test
    void aBadCsvRowNamesTheUsersFileAndLine() throws IOException {
        Path run = quickRun("run");
        Files.writeString(run.resolve("skew.csv"), "timeNs,core,socket,offsetNs,offsetFromCore0Ns\nx,0,0,1,1\n");
        Cli cli = Cli.run("plot", run);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(run.resolve("skew.csv") + ":2:").doesNotContain(".tmp-");
        assertThat(files(tmp)).containsExactly("run");
    }

    @Test
    void plotKeepsWhatTheUserAddedSubDirectoriesIncluded() throws IOException {
        Path run = quickRun("run");
        Path mine = Files.createDirectories(run.resolve("my-analysis/figures"));
        Files.writeString(mine.resolve("fit.png"), "my figure");
        Files.writeString(run.resolve("notes.txt"), "my notes");
        Files.writeString(run.resolve("skew.png"), "an out-of-date chart");
        byte[] fresh = Files.readAllBytes(quickRun("fresh").resolve("skew.png"));
        Cli cli = Cli.run("plot", run);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(mine.resolve("fit.png"))).isEqualTo("my figure");
        assertThat(Files.readString(run.resolve("notes.txt"))).isEqualTo("my notes");
        assertThat(Files.readAllBytes(run.resolve("skew.png"))).isEqualTo(fresh);
        assertThat(ResultsMarker.read(run)).contains(ResultsMarker.Kind.RUN);
        assertThat(files(tmp)).containsExactly("fresh", "run");
    }
}
