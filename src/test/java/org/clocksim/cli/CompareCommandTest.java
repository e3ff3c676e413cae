package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clocksim compare end to end, on the committed results and edited copies of them. */
class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRunComparedWithItselfDiffersNowhereAndExitsZero() {
        Cli cli = Cli.run("compare", "results/quickstart", "results/quickstart");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("A: quickstart, seed 7, 500 ms").containsPattern("0 of \\d+ metrics differ \\(threshold 5%\\)");
    }

    @Test
    void twoDifferentRunsExitOneAndNameTheMetricsThatDiffer() {
        Cli cli = Cli.run("compare", "results/pinned-baseline", "results/quickstart");
        assertThat(cli.exitCode()).isEqualTo(CompareCommand.EXIT_DIFFERS);
        // 200 ms against 500 ms of simulated time: 50 ticks against 125
        assertThat(cli.out()).containsPattern("kernel\\.ticks +50 +125 +75 +\\+150\\.00% +DIFFERS")
                .containsPattern("rdtsc\\.backwardEvents +0 +657 +657 +\\+∞ +DIFFERS");
    }

    @Test
    void aSweepMetricDiffersOnlyWhenItsIntervalsDoNotOverlap() throws IOException {
        Path base = copySweep("base", 0, 0);
        Path overlapping = copySweep("overlapping", 60, 100); // mean +60 ns, interval ±100: overlaps
        Path apart = copySweep("apart", 500, 10);             // mean +500 ns, interval ±10: apart
        Cli within = Cli.run("compare", base, overlapping);
        assertThat(within.exitCode()).isZero();
        assertThat(within.out()).contains("within the intervals").containsPattern("0 of \\d+ metrics differ");
        Cli differs = Cli.run("compare", base, apart, "--threshold", "1%");
        assertThat(differs.exitCode()).isEqualTo(CompareCommand.EXIT_DIFFERS);
        assertThat(differs.out()).containsPattern("\\[workload\\.handoffLatency=50ns\\] rdtsc\\."
                + "crossThreadMaxBackwardNs .* significant, DIFFERS").contains("1 of 63 metrics differ (threshold 1%");
    }

    @Test
    void jsonOutputIsForScripts() throws IOException {
        Cli cli = Cli.run("compare", "results/pinned-baseline", "results/quickstart", "--format", "json");
        JsonNode json = JSON.readTree(cli.out());
        assertThat(json.get("kind").asText()).isEqualTo("run");
        assertThat(json.get("differing").asInt()).isPositive();
        JsonNode ticks = null;
        for (JsonNode m : json.get("metrics")) {
            if (m.get("metric").asText().equals("kernel.ticks")) {
                ticks = m;
            }
        }
        assertThat(ticks).isNotNull();
        assertThat(ticks.get("a").get("value").asDouble()).isEqualTo(50);
        assertThat(ticks.get("relative").asDouble()).isEqualTo(1.5);
        assertThat(ticks.get("differs").asBoolean()).isTrue();
    }

    @Test
    void aRunAndASweepOrABadThresholdAreExitTwo() {
        Cli kinds = Cli.run("compare", "results/handoff-gap", "results/quickstart");
        assertThat(kinds.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(kinds.err()).contains("cannot compare a sweep (results/handoff-gap) with a run (results/quickstart)");
        assertThat(Cli.run("compare", "results/quickstart", "results/quickstart", "--threshold", "five").exitCode())
                .isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(Cli.run("compare", "results/quickstart", tmp).exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
    }

    @Test
    void outWritesAReportWithChartsOverlayingTheTwoRuns() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        assertThat(Cli.run("run", "experiments/quickstart.yaml", "--out", a, "--set", "duration=20ms", "--no-charts")
                .exitCode()).isZero();
        assertThat(Cli.run("run", "experiments/quickstart.yaml", "--out", b, "--set", "duration=20ms", "--set",
                "seed=8", "--no-charts").exitCode()).isZero();
        Path report = tmp.resolve("diff");
        Cli cli = Cli.run("compare", a, b, "--out", report);
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(CompareCommand.EXIT_DIFFERS);
        assertThat(cli.err()).contains("compare: wrote " + report.resolve("report.md"));
        for (String chart : new String[] {"compare-latency-rdtsc", "compare-latency-rdtscp", "compare-backward-events",
                "compare-backward-max"}) {
            assertThat(report.resolve(chart + ".png")).as(chart).isNotEmptyFile();
            assertThat(report.resolve(chart + ".svg")).as(chart).isNotEmptyFile();
        }
        String md = Files.readString(report.resolve("report.md"));
        assertThat(md).startsWith("# Comparison of two runs\n\n- **A**: quickstart, seed 7, 20 ms\n- **B**: quickstart, seed 8, 20 ms\n")
                .containsPattern("\\d+ of \\d+ metrics differ by more than 5%: `rdtsc\\.")
                .contains("`clocksim compare` exits 1.", "## What differs", "| `rdtsc.reads` |", " µs |",
                        "![compare-latency-rdtsc](compare-latency-rdtsc.png)",
                        "![compare-backward-max](compare-backward-max.png)");
        JsonNode json = JSON.readTree(report.resolve("comparison.json").toFile());
        assertThat(json.get("differing").asInt()).isPositive();
        assertThat(Files.readString(report.resolve(".clocksim-results"))).contains("\"compare\"");
        // the report directory is clocksim's: a second compare replaces it; A itself is never the target
        assertThat(Cli.run("compare", a, a, "--out", report).exitCode()).isZero();
        assertThat(Files.readString(report.resolve("report.md"))).contains("No metric of ")
                .doesNotContain("## What differs");
        Cli ontoA = Cli.run("compare", a, b, "--out", a);
        assertThat(ontoA.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(ontoA.err()).contains("would replace the results it compares");
        assertThat(a.resolve("summary.json")).exists();
    }

    /** handoff-gap's sweep.json with point 0's rdtsc crossThreadMaxBackwardNs moved by {@code shift}, interval ±{@code half}. */
    private Path copySweep(String name, double shift, double half) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        ObjectNode sweep = (ObjectNode) JSON.readTree(Path.of("results/handoff-gap/sweep.json").toFile());
        ObjectNode e = (ObjectNode) sweep.get("points").get(0).get("metrics").get("rdtsc").get("crossThreadMaxBackwardNs");
        double mean = e.get("mean").asDouble() + shift;
        e.put("mean", mean);
        e.put("ciLow", mean - Math.max(half, 1));
        e.put("ciHigh", mean + Math.max(half, 1));
        JSON.writeValue(dir.resolve("sweep.json").toFile(), sweep);
        return dir;
    }
}
