package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --host FILE} end to end, on a host.yaml calibrate wrote (a fixture, so it runs without a C
 * compiler; CalibrateCommandTest does the same with a fresh calibration): the experiment's workload on
 * the host's machine and latencies, renamed, and its expectations checked there.
 */
class HostOptionTest {
    private static final Path QUICKSTART = Path.of("experiments/quickstart.yaml");
    private static final Path INCONSISTENCY = Path.of("experiments/selftest-inconsistency-check.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Path host() {
        try {
            return Path.of(HostOptionTest.class.getResource("/calibrate/host-kvm-guest.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runOnTheHostUsesItsMachineAndLatenciesAndTheExperimentsWorkload() throws IOException {
        Path out = tmp.resolve("on-host");
        Cli cli = Cli.run("run", "--host", host(), QUICKSTART, "--out", out, "--set", "duration=20ms");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertThat(summary.path("experiment").asText()).isEqualTo("quickstart-on-calibration-vm");
        // the host's rdtsc (fitted median 8.462 ns), not the preset's 12.6 ns
        assertThat(summary.path("sources").path("rdtsc").path("latencyNs").path("p50").asDouble()).isBetween(8.0, 9.0);
        // one socket with synchronised counters: the quickstart's 20 us socket offset is not the host's
        assertThat(summary.path("sources").path("rdtsc").path("backwardEvents").asLong()).isZero();
        String resolved = Files.readString(out.resolve("experiment.yaml"));
        assertThat(resolved).contains("sockets: 1", "vsyscall: xonly", "policy: poisson", "threads: 2");
    }

    @Test
    void checkOnTheHostHoldsTheExperimentToItsExpectationsThere() {
        Cli healthy = Cli.run("check", "--host", host(), INCONSISTENCY, "--set", "duration=20ms");
        assertThat(healthy.exitCode()).as(healthy.out() + healthy.err()).isZero();
        Cli quickstart = Cli.run("check", "--host", host(), QUICKSTART, "--set", "duration=20ms");
        assertThat(quickstart.exitCode()).as(quickstart.out() + quickstart.err()).isEqualTo(CheckCommand.EXIT_FAILED);
        assertThat(quickstart.out()).contains("FAIL").contains("backwardEvents");
    }

    @Test
    void aSweepOnTheHostRunsEveryPointThere() throws IOException {
        Path out = tmp.resolve("sweep-on-host");
        Cli cli = Cli.run("sweep", "--host", host(), Path.of("experiments/handoff-gap.yaml"), "--replications", "1",
                "--param", "workload.handoffLatency=50ns,100ns", "--set", "duration=1ms", "--out", out);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        for (String point : new String[] {"point-000", "point-001"}) {
            assertThat(Files.readString(out.resolve(point).resolve("experiment.yaml")))
                    .contains("name: handoff-gap-on-calibration-vm", "sockets: 1", "pattern: lock-handoff");
        }
    }

    @Test
    void anExperimentTheHostCannotRunIsExitTwoNamingTheKey() {
        // two sockets' drifts on a one-socket host
        Cli cli = Cli.run("validate", "--host", host(), Path.of("experiments/two-socket-handoff.yaml"));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("machine.tsc.socketDrift");
    }

    @Test
    void aMissingHostFileIsExitTwoNamingIt() {
        Cli cli = Cli.run("run", "--host", tmp.resolve("nope.yaml"), QUICKSTART, "--out", tmp.resolve("x"));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml").contains("no such file");
        assertThat(tmp.resolve("x")).doesNotExist();
    }
}
