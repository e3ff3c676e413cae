package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    private static final Path HANDOFF = Path.of("experiments/two-socket-handoff.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode summary(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("summary.json").toFile());
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesEveryFileOfTheOutputContract() throws IOException {
        Path out = tmp.resolve("handoff");
        Cli cli = Cli.run("run", HANDOFF, "--out", out, "--set", "duration=20ms");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(files(out)).contains("backward-events.csv", "experiment.yaml", "latency-rdtsc.csv",
                "latency-rdtscp.csv", "read-trace.csv", "skew.csv", "summary.json", "report.md")
                .contains("skew.png", "skew.svg", "backward-events.png", "latency.svg", "core-offsets.png",
                        "read-trace.png");
        JsonNode summary = summary(out);
        assertThat(summary.get("experiment").asText()).isEqualTo("two-socket-handoff");
        assertThat(summary.get("seed").asLong()).isEqualTo(42);
        assertThat(summary.get("durationNs").asLong()).isEqualTo(20_000_000);
        JsonNode rdtsc = summary.get("sources").get("rdtsc");
        for (String field : List.of("reads", "backwardEvents", "backwardPerMillion", "maxBackwardNs", "latencyNs",
                "errorNs")) {
            assertThat(rdtsc.has(field)).as(field).isTrue();
        }
        assertThat(rdtsc.get("latencyNs").get("p50").asDouble()).isBetween(11.0, 14.0);
        assertThat(summary.get("crossThread").get("rdtsc").get("backwardEvents").asLong()).isPositive();
        assertThat(summary.get("kernel").get("finalClocksource").asText()).isEqualTo("tsc");
        assertThat(cli.out()).contains("rdtsc").contains("results: ");
        List<String> events = Files.readAllLines(out.resolve("backward-events.csv"));
        assertThat(events.get(0)).startsWith("# experiment two-socket-handoff, seed 42, replication 0; a uniform sample of ");
        assertThat(events.get(1)).isEqualTo(
                "timeNs,source,kind,thread,previousThread,coreBefore,coreAfter,magnitudeNs,cause");
        assertThat(events).hasSize(2 + summary.get("backwardEventsCsv").get("rows").asInt());
        List<String> skew = Files.readAllLines(out.resolve("skew.csv"));
        assertThat(skew.get(0)).isEqualTo("# experiment two-socket-handoff, seed 42, replication 0");
        assertThat(skew).hasSize(2 + 200 * 4);
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        Path c = tmp.resolve("c");
        Path quick = Path.of("experiments/quickstart.yaml");
        assertThat(Cli.run("run", quick, "--out", a, "--set", "duration=20ms", "--threads", "1").exitCode()).isZero();
        assertThat(Cli.run("run", quick, "--out", b, "--set", "duration=20ms", "--threads", "2").exitCode()).isZero();
        assertThat(Cli.run("run", quick, "--out", c, "--set", "duration=20ms", "--seed", "8").exitCode()).isZero();
        for (String file : files(a)) {
            assertThat(Files.readAllBytes(b.resolve(file))).as(file).isEqualTo(Files.readAllBytes(a.resolve(file)));
        }
        assertThat(Files.readString(c.resolve("summary.json"))).isNotEqualTo(Files.readString(a.resolve("summary.json")));
        assertThat(summary(c).get("seed").asLong()).isEqualTo(8);
        assertThat(Files.readString(c.resolve("experiment.yaml"))).contains("seed: 8");
    }

    @Test
    void theResolvedConfigRunsAgainToTheSameResults() throws IOException {
        Path first = tmp.resolve("first");
        Path second = tmp.resolve("second");
        assertThat(Cli.run("run", HANDOFF, "--out", first, "--set", "duration=10ms", "--seed", "5").exitCode()).isZero();
        assertThat(Cli.run("run", first.resolve("experiment.yaml"), "--out", second).exitCode()).isZero();
        assertThat(Files.readString(second.resolve("summary.json")))
                .isEqualTo(Files.readString(first.resolve("summary.json")));
    }

    @Test
    void aBadConfigExitsWithTwoNamesFileKeyAndLineAndWritesNothing() throws IOException {
        Path config = tmp.resolve("bad.yaml");
        Files.writeString(config, Files.readString(HANDOFF).replace("frequency: 2.4GHz", "frequncy: 2.4GHz"));
        Path out = tmp.resolve("out");
        Cli cli = Cli.run("run", config, "--out", out);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("bad.yaml:").contains("machine.tsc.frequncy").contains("frequency");
        assertThat(out).doesNotExist();
    }

    @Test
    void aFailedRunLeavesThePreviousResultsAsTheyWere() throws IOException {
        Path out = tmp.resolve("kept");
        assertThat(Cli.run("run", HANDOFF, "--out", out, "--set", "duration=5ms").exitCode()).isZero();
        String before = Files.readString(out.resolve("summary.json"));
        Cli cli = Cli.run("run", HANDOFF, "--out", out, "--set", "machine.tsc.socketOffset=[0ns, 1us, 2us]");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("machine.tsc.socketOffset");
        assertThat(Files.readString(out.resolve("summary.json"))).isEqualTo(before);
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertThat(siblings.map(p -> p.getFileName().toString())).containsExactly("kept");
        }
    }

    @Test
    void aMissingFileIsABadConfig() {
        Cli cli = Cli.run("run", tmp.resolve("nope.yaml"));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml");
    }

    @Test
    void validateAcceptsTheShippedExperimentsAndRejectsABadOne() throws IOException {
        Cli ok = Cli.run("validate", "experiments/quickstart.yaml", "experiments/pinned-baseline.yaml", HANDOFF);
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "duration: 200 parsecs\n");
        Cli cli = Cli.run("validate", HANDOFF, bad);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("bad.yaml:1").contains("duration");
    }

    @Test
    void versionAndHelp() {
        assertThat(Cli.run("--version").out()).startsWith("clocksim 0.");
        Cli help = Cli.run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("run").contains("validate");
    }
}
