package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulation: fast} end to end: set on the command line, recorded, reported, reproducible. */
class FastModeRunTest {
    private static final Path QUICKSTART = Path.of("experiments/quickstart.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void fastModeIsRecordedReportsTheFractionAggregatedAndRerunsByteForByte() throws IOException {
        Path fast = tmp.resolve("fast");
        Path again = tmp.resolve("again");
        Path exact = tmp.resolve("exact");
        Cli cli = Cli.run("run", QUICKSTART, "--out", fast, "--set", "duration=50ms", "--set", "simulation=fast");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(Files.readString(fast.resolve("experiment.yaml"))).contains("\nsimulation: fast\n");
        JsonNode rdtsc = JSON.readTree(fast.resolve("summary.json").toFile()).get("sources").get("rdtsc");
        assertThat(rdtsc.get("aggregatedFraction").asDouble()).isBetween(0.8, 1.0);
        assertThat(rdtsc.get("backwardByCause").get("migration").asLong()).isPositive();
        assertThat(rdtsc.get("maxBackwardNs").asDouble()).isBetween(14_000.0, 15_000.0);

        // the recorded config reproduces the run
        assertThat(Cli.run("run", fast.resolve("experiment.yaml"), "--out", again).exitCode()).isZero();
        assertThat(Files.readString(again.resolve("summary.json"))).isEqualTo(Files.readString(fast.resolve("summary.json")));

        assertThat(Cli.run("run", QUICKSTART, "--out", exact, "--set", "duration=50ms").exitCode()).isZero();
        assertThat(Files.readString(exact.resolve("experiment.yaml"))).contains("\nsimulation: exact\n");
        JsonNode exactRdtsc = JSON.readTree(exact.resolve("summary.json").toFile()).get("sources").get("rdtsc");
        assertThat(exactRdtsc.has("aggregatedFraction")).isFalse();
        // the same migrations in both modes, and the same reads next to them
        assertThat(rdtsc.get("backwardEvents").asLong()).isEqualTo(exactRdtsc.get("backwardEvents").asLong());
    }

    /**
     * On a KVM guest fast mode aggregates the vDSO's reads and the syscall's on the TSC (steal begins and
     * ends at events); without the stable bit the vDSO falls back to the syscall on kvm-clock, whose kernel
     * read takes the last_value guard of every vCPU's reads: that runs exactly.
     */
    @Test
    void aKvmGuestsVdsoReadsAreAggregatedWhileThePvclockIsStable() throws IOException {
        Path stable = tmp.resolve("stable");
        Path unstable = tmp.resolve("unstable");
        Cli cli = Cli.run("run", Path.of("experiments/this-host-kvm-guest.yaml"), "--out", stable,
                "--set", "duration=100ms", "--set", "simulation=fast", "--no-charts");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode sources = JSON.readTree(stable.resolve("summary.json").toFile()).get("sources");
        assertThat(sources.get("vdso-clock_gettime").get("aggregatedFraction").asDouble()).isGreaterThan(0.5);
        assertThat(sources.get("syscall-clock_gettime").get("aggregatedFraction").asDouble()).isGreaterThan(0.5);
        cli = Cli.run("run", Path.of("experiments/kvm-no-stable-bit.yaml"), "--out", unstable,
                "--set", "duration=100ms", "--set", "simulation=fast", "--no-charts");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(JSON.readTree(unstable.resolve("summary.json").toFile()).get("sources").get("vdso-clock_gettime")
                .get("aggregatedFraction").asDouble()).isZero();
    }

    @Test
    void aBadModeIsRefusedNamingTheKey() {
        Cli cli = Cli.run("run", QUICKSTART, "--out", tmp.resolve("x"), "--set", "simulation=quick");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("simulation").contains("exact").contains("fast");
    }
}
