package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run and check for scripts: --quiet, --no-charts, --format json, expect.json; shell completion; help examples. */
class OutputOptionsTest {
    private static final String CONFIG = "experiments/selftest-vdso-correctness.yaml";

    @TempDir
    Path tmp;

    @Test
    void runQuietWithoutChartsPrintsJsonAndWritesTheVerdictsAndAReportWithoutCharts() throws IOException {
        Path out = tmp.resolve("vc");
        Cli cli = Cli.run("run", CONFIG, "--out", out, "--quiet", "--no-charts", "--format", "json");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.err()).isEmpty();
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertThat(json.get("results").asText()).isEqualTo(out.toString());
        assertThat(json.get("summary").get("experiment").asText()).isEqualTo("selftest-vdso-correctness");
        assertThat(json.get("expectations").get(0).get("expectation").asText()).isEqualTo("program.verdict == pass");
        assertThat(json.get("expectations").get(0).get("passed").asBoolean()).isTrue();
        JsonNode expect = new ObjectMapper().readTree(out.resolve("expect.json").toFile());
        assertThat(expect.get("passed").asInt()).isEqualTo(json.get("expectations").size());
        assertThat(expect.get("failed").asInt()).isZero();
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".png") || n.endsWith(".svg"));
        }
        assertThat(Files.readString(out.resolve("report.md"))).contains("The charts were not drawn (`clocksim run "
                + "--no-charts`)").contains("## Verdicts").contains("| pass | `program.verdict == pass` | pass |");
    }

    @Test
    void runPrintsHowManyExpectationsHold() {
        Cli cli = Cli.run("run", CONFIG, "--out", tmp.resolve("t"), "--no-charts");
        assertThat(cli.out()).contains("expect: 2 of 2 hold").contains("results: ");
    }

    @Test
    void checkPrintsJsonAndQuietPrintsOnlyFailures() throws IOException {
        Cli json = Cli.run("check", CONFIG, "--format", "json");
        assertThat(json.exitCode()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("failed").asInt()).isZero();
        assertThat(root.get("configs").get(0).get("expectations").get(0).get("passed").asBoolean()).isTrue();
        Cli quiet = Cli.run("check", CONFIG, "--quiet");
        assertThat(quiet.out()).isEqualTo("2 passed, 0 failed\n");
    }

    @Test
    void shellCompletionAndHelpExamples() {
        assertThat(Cli.run("generate-completion").out()).contains("clocksim Bash Completion").contains("compare");
        assertThat(Cli.run("run", "--help").out()).contains("Examples:").contains("--no-charts").contains("--quiet");
        assertThat(Cli.run("compare", "--help").out()).contains("Examples:");
    }
}
