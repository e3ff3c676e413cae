package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.ShippedExperimentFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Configs whose run would take hours or exhaust memory are refused by validate (and by the commands
 * that validate) under the default limits, naming the key and the estimate; {@code --limit} raises
 * a limit explicitly.
 */
class WorkLimitsCommandTest {
    @TempDir
    Path tmp;

    private Path base;

    @BeforeEach
    void writeBase() throws IOException {
        base = tmp.resolve("base.yaml");
        Files.writeString(base, "duration: 20ms\n");
    }

    /** An override, the key the refusal names, what it must say, and the limits that let it through. */
    static Stream<Arguments> tooBig() {
        return Stream.of(
                Arguments.of("scheduler.migration={policy: periodic, interval: 1ps}", "scheduler.migration.interval",
                        "2e10 migrations", List.of("events=none", "wakeups=none")),
                Arguments.of("machine.tsc={wander: 1ppm, wanderInterval: 1ps}", "machine.tsc.wanderInterval",
                        "2e10 wander re-anchors", List.of("events=1e11", "wakeups=1e11")),
                Arguments.of("kernel.ntp={frequency: 100ppm, flipEvery: 1ps}", "kernel.ntp.flipEvery",
                        "2e10 NTP flips", List.of("events=none", "wakeups=none")),
                Arguments.of("machine.coresPerSocket=100000", "machine.coresPerSocket", "B in all, over the limit of ",
                        List.of("memory=20GB")),
                Arguments.of("workload.threads=1000000", "workload.threads", "1.6e12 reads",
                        List.of("reads=none", "memory=none")),
                Arguments.of("output.skewSamples=1000000000", "output.skewSamples", "B in all, over the limit of ",
                        List.of("memory=none", "events=none", "wakeups=none")));
    }

    private static Cli validate(Path config, String override, List<String> limits) {
        List<Object> args = new ArrayList<>(List.of("validate", config, "--set", override));
        for (String limit : limits) {
            args.add("--limit");
            args.add(limit);
        }
        return Cli.run(args.toArray());
    }

    @ParameterizedTest
    @MethodSource("tooBig")
    void validateRefusesARunOverTheDefaultLimitsNamingTheKey(String override, String key, String estimate,
                                                             List<String> raised) {
        Cli cli = validate(base, override, List.of());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(cli.err()).contains(": " + key + ": ").contains(estimate).contains("--limit ");
    }

    @ParameterizedTest
    @MethodSource("tooBig")
    void raisingTheLimitLetsItValidate(String override, String key, String estimate, List<String> raised) {
        Cli cli = validate(base, override, raised);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("ok: ");
    }

    static Stream<Path> shippedExperiments() {
        return ShippedExperimentFiles.all().stream();
    }

    @ParameterizedTest
    @MethodSource("shippedExperiments")
    void everyShippedExperimentValidatesUnderTheDefaultLimits(Path experiment) {
        Cli cli = Cli.run("validate", experiment);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    @Test
    void aDurationThatWouldOverflowIsRefusedNamingTheKey() {
        Cli cli = validate(base, "duration=9223372036854775807ps", List.of("events=none"));
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(cli.err()).contains("duration: expected a duration of at most 7 days");
    }

    @Test
    void theLineOfTheKeyIsGivenWhenTheFileSetsIt() throws IOException {
        Path config = tmp.resolve("fast.yaml");
        Files.writeString(config, """
                duration: 20ms
                scheduler:
                  migration: {policy: periodic, interval: 1ps}
                """);
        Cli cli = Cli.run("validate", config);
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(cli.err()).contains("fast.yaml:3: scheduler.migration.interval: 1ps gives 2e10 migrations");
    }

    @Test
    void runCheckAndSweepRefuseItTooAndWriteNothing() {
        Path out = tmp.resolve("out");
        String fast = "scheduler.migration={policy: periodic, interval: 1ps}";
        assertThat(Cli.run("run", base, "--set", fast, "--out", out).exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(Cli.run("check", base, "--set", fast).exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(Cli.run("sweep", base, "--set", fast, "--param", "seed=1,2", "--out", out).exitCode())
                .isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(out).doesNotExist();
    }

    @Test
    void aSweepPointOverTheLimitIsRefusedNamingThePoint() {
        Cli cli = Cli.run("validate", base, "--set", "scheduler.migration={policy: periodic, interval: 1ms}",
                "--set", "sweep={parameters: [{key: scheduler.migration.interval, values: [1ms, 1ps]}]}");
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(cli.err()).contains("scheduler.migration.interval: 1ps gives").contains("sweep point");
    }

    @Test
    void aMalformedLimitIsAUsageErrorNamingTheOption() {
        Cli unknown = Cli.run("validate", base, "--limit", "event=5");
        assertThat(unknown.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(unknown.err()).contains("--limit").contains("unknown limit 'event'").contains("events");
        Cli badSize = Cli.run("run", base, "--limit", "memory=lots");
        assertThat(badSize.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(badSize.err()).contains("--limit").contains("memory: expected a size");
    }

    @Test
    void lowerLimitsRefuseWhatTheDefaultsAllow() {
        Cli cli = Cli.run("validate", base, "--limit", "reads=1000");
        assertThat(cli.exitCode()).isEqualTo(Main.EXIT_BAD_CONFIG);
        assertThat(cli.err()).contains("workload.threads: about ").contains("over the limit of 1000 reads");
    }
}
