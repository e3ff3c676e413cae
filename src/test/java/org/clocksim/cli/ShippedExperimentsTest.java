package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each shipped experiment, run as written, shows what its comment block says it shows. */
class ShippedExperimentsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private JsonNode run(String name, String... extra) throws IOException {
        Path out = tmp.resolve(name + extra.length);
        Object[] args = new Object[4 + extra.length];
        args[0] = "run";
        args[1] = "experiments/" + name + ".yaml";
        args[2] = "--out";
        args[3] = out;
        System.arraycopy(extra, 0, args, 4, extra.length);
        Cli cli = Cli.run(args);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void quickstartRdtscGoesBackwardsAfterMigrationsAndRdtscpNoticesThem() throws IOException {
        JsonNode summary = run("quickstart");
        JsonNode rdtsc = summary.get("sources").get("rdtsc");
        JsonNode rdtscp = summary.get("sources").get("rdtscp");
        assertThat(rdtsc.get("backwardEvents").asLong()).isPositive();
        // 20 us offset minus the 5 us gap, minus a read
        assertThat(rdtsc.get("maxBackwardNs").asDouble()).isBetween(14_000.0, 15_000.0);
        assertThat(rdtscp.get("cpuChangesSeen").asLong()).isPositive()
                .isLessThanOrEqualTo(rdtscp.get("migratedReads").asLong());
        assertThat(rdtscp.get("latencyNs").get("p50").asDouble()).isGreaterThan(rdtsc.get("latencyNs").get("p50").asDouble());
    }

    @Test
    void pinnedBaselineNeverGoesBackwards() throws IOException {
        JsonNode summary = run("pinned-baseline");
        for (String source : List.of("rdtsc", "rdtscp")) {
            JsonNode s = summary.get("sources").get(source);
            assertThat(s.get("reads").asLong()).as(source).isPositive();
            assertThat(s.get("backwardEvents").asLong()).as(source).isZero();
            assertThat(s.get("migratedReads").asLong()).as(source).isZero();
        }
    }

    @Test
    void twoSocketHandoffGoesBackByTwoMicrosecondsMinusTheHandoffGap() throws IOException {
        JsonNode cross = run("two-socket-handoff").get("crossThread").get("rdtsc");
        assertThat(cross.get("backwardEvents").asLong()).isPositive();
        assertThat(cross.get("maxBackwardNs").asDouble()).isBetween(2000 - 120 - 40.0, 2000 - 120.0);
        JsonNode synced = run("two-socket-handoff", "--set", "machine.tsc.socketOffset=[0ns, 0ns]")
                .get("crossThread").get("rdtsc");
        assertThat(synced.get("comparisons").asLong()).isPositive();
        assertThat(synced.get("backwardEvents").asLong()).isZero();
    }

    @Test
    void theCommittedResultsAreTheOnesTheExperimentsProduce() throws IOException {
        for (String name : List.of("quickstart", "pinned-baseline", "two-socket-handoff")) {
            Path committed = Path.of("results", name, "summary.json");
            assertThat(committed).as("committed results of " + name).exists();
        }
        JsonNode fresh = run("two-socket-handoff");
        assertThat(fresh).isEqualTo(JSON.readTree(Path.of("results/two-socket-handoff/summary.json").toFile()));
    }
}
