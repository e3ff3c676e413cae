package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentYamlTest {

    /** A config that uses every feature: lists, cycles, tails, ping-pong, placement, per-source settings. */
    static final String EVERY_FEATURE = """
            name: every-feature
            description: "Quotes \\" and backslashes \\\\, a colon: and\\nnew lines, µs and tabs\\t"
            seed: -7
            duration: 2.5s
            machine:
              sockets: 3
              coresPerSocket: 2
              tsc:
                frequency: 14.31818MHz
                socketOffset: [-3us, 5000cycles, 0]
                coreOffset: 12.6ns
                drift: -12.5ppm
                socketDrift: [0.001ppm, 3ppm, -3ppm]
                wander: 0.02ppm
                wanderInterval: 250us
              acpiPm: {returnDelay: {delay: 1ms, every: 3, first: 2}}
            scheduler:
              placement: [5, 0, 3]
              migration:
                policy: ping-pong
                interval: 1.5ms
                cores: [4, 1]
                gap: {type: uniform, min: 1us, max: 3us, tailProbability: 0.01, tailMean: 50us}
            workload:
              threads: 3
              pattern: lock-handoff
              handoffLatency: {type: lognormal, median: 120ns, sigma: 0.25}
              handoffOrder: random
              thinkTime: {type: fixed, value: 2us, tailProbability: 1e-6, tailMean: 1ms}
              sources: [rdtscp, rdtsc]
              calibrationError: 0.5ppm
            sources:
              rdtsc:
                latency: {type: exponential, mean: 20ns}
            output:
              maxBackwardEvents: 0
              skewSamples: 2
              traceThread: 1
            """;

    static Stream<String> configs() throws Exception {
        return Stream.of(
                Files.readString(ExperimentLoaderTest.EXAMPLE),
                EVERY_FEATURE,
                "duration: 1s\n",
                "duration: 7ps\nscheduler: {migration: {policy: poisson, rate: 3.3/us}}\n",
                "duration: 1s\nname: 'yes'\ndescription: '123'\n"
                        + "scheduler: {migration: {policy: periodic, interval: 2083333ps, gap: 0}}\n");
    }

    @ParameterizedTest
    @MethodSource("configs")
    void parsingTheResolvedYamlGivesTheSameExperiment(String config) throws ConfigException {
        Experiment e = Configs.load(config);
        String yaml = ExperimentYaml.toYaml(e);

        assertThat(ExperimentLoader.parse(yaml, "resolved.yaml", List.of())).isEqualTo(e);
        assertThat(ExperimentYaml.toYaml(e)).isEqualTo(yaml); // deterministic
    }

    static Stream<String> randomConfigs() {
        SplittableRandom random = new SplittableRandom(7);
        return IntStream.range(0, 100).mapToObj(i -> {
            int sockets = random.nextInt(1, 4);
            String offsets = IntStream.range(0, sockets)
                    .mapToObj(s -> Units.formatDuration(random.nextLong(-1_000_000_000L, 1_000_000_000L)))
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            return """
                    duration: %s
                    seed: %d
                    machine:
                      sockets: %d
                      tsc: {frequency: %s, socketOffset: [%s], drift: %s, wander: %s}
                    scheduler: {migration: {policy: poisson, rate: %s, gap: {type: exponential, mean: %s}}}
                    workload: {thinkTime: {type: lognormal, median: %s, sigma: %s}}
                    """.formatted(Units.formatDuration(random.nextLong(1, Units.MAX_DURATION_PS + 1)), random.nextLong(),
                    sockets, Units.formatFrequency(random.nextDouble(1e6, 5e9)), offsets,
                    Units.formatPpm(random.nextDouble(-100, 100)), Units.formatPpm(random.nextDouble(0, 1)),
                    Units.formatRate(random.nextDouble(1, 1e6)), Units.formatDuration(random.nextLong(0, 1L << 40)),
                    Units.formatDuration(random.nextLong(0, 1L << 30)), Units.formatNumber(random.nextDouble()));
        });
    }

    @ParameterizedTest
    @MethodSource("randomConfigs")
    void randomConfigsRoundTrip(String config) throws ConfigException {
        // days of simulated time at up to a million migrations a second: far over the work limits, not the point here
        Experiment e = ExperimentLoader.parse(config, "x.yaml", List.of(), WorkLimits.NONE);

        assertThat(ExperimentLoader.parse(ExperimentYaml.toYaml(e), "resolved.yaml", List.of(), WorkLimits.NONE))
                .isEqualTo(e);
    }

    @Test
    void writesEveryKeyInSchemaOrderWithDefaultsAndCanonicalUnits() throws ConfigException {
        Experiment e = ExperimentLoader.load(ExperimentLoaderTest.EXAMPLE, List.of());

        assertThat(ExperimentYaml.toYaml(e)).isEqualTo("""
                name: two-socket-handoff
                description: "Two sockets whose TSCs left reset 2 microseconds apart; four threads hand a lock around."
                seed: 42
                duration: 200ms
                latency: modern-mitigated
                simulation: exact
                machine:
                  sockets: 2
                  coresPerSocket: 2
                  tsc:
                    frequency: 2.4GHz
                    socketOffset: [0ns, 2us]
                    coreOffset: 0ns
                    drift: 30ppm
                    socketDrift: [0ppm, 0ppm]
                    wander: 0ppm
                    wanderInterval: 1ms
                    invariant: true
                    tscAdjust: true
                  hpet:
                    frequency: 14318.18kHz
                    drift: 0ppm
                    readLatency: {type: lognormal, median: 1.2us, sigma: 0.1}
                  acpiPm:
                    frequency: 3579545Hz
                    drift: 0ppm
                    readLatency: {type: lognormal, median: 2.5us, sigma: 0.1}
                  events: []
                kernel:
                  version: "6.18"
                  hz: 250
                  timekeepingCpu: 0
                  tickLatency: 1us
                  clocksource: tsc
                  fallbackClocksource: hpet
                  publishTime: 100ns
                  dataPageMiss: 180ns
                  wallClockStart: "2026-01-01T00:00:00Z"
                  taiOffset: 37s
                  vsyscall: xonly
                  ntp:
                    frequency: 0ppm
                    flipEvery: 0ns
                    changes: []
                  ntpUpdate: continuous
                  tsc: normal
                  tscSyncCheck: false
                  syncCheckDuration: auto
                  syncCheckHandoff: {type: lognormal, median: 100ns, sigma: 0.15}
                  syncCheckRunSpread: 0.25
                  watchdog: auto
                  watchdogInterval: 500ms
                  watchdogMargin: auto
                scheduler:
                  placement: round-robin
                  migration:
                    policy: none
                    gap: 5us
                workload:
                  threads: 4
                  pattern: lock-handoff
                  handoffLatency: 120ns
                  handoffOrder: round-robin
                  thinkTime: 0ns
                  sources: [rdtsc, rdtscp]
                  calibrationError: 0ppm
                  mode: passes
                  program: none
                sources:
                  rdtsc:
                    latency: {type: lognormal, median: 12.6ns, sigma: 0.1, tailProbability: 0.0001, tailMean: 1us}
                  rdtscp:
                    latency: {type: lognormal, median: 25.5ns, sigma: 0.1, tailProbability: 0.0001, tailMean: 1us}
                output:
                  maxBackwardEvents: 2000
                  skewSamples: 200
                  traceThread: auto
                """);
    }

    @Test
    void writesOnlyTheMigrationSettingsOfThePolicyAndAnExplicitPlacement() {
        Experiment e = Configs.load(EVERY_FEATURE);

        assertThat(ExperimentYaml.toYaml(e))
                .contains("  placement: [5, 0, 3]\n")
                .contains("    policy: ping-pong\n    interval: 1.5ms\n    cores: [4, 1]\n"
                        + "    gap: {type: uniform, min: 1us, max: 3us, tailProbability: 0.01, tailMean: 50us}\n")
                .contains("    socketOffset: [-3us, 349206394ps, 0ns]\n") // 5000 cycles at 14.31818 MHz
                .contains("  thinkTime: {type: fixed, value: 2us, tailProbability: 0.000001, tailMean: 1ms}\n")
                .doesNotContain("rate:");
    }

    @Test
    void quotesStringsThatWouldNotReadBackAsThemselves() {
        assertThat(YamlText.string("plain-name_1.0")).isEqualTo("plain-name_1.0");
        assertThat(YamlText.string("yes")).isEqualTo("\"yes\"");
        assertThat(YamlText.string("123")).isEqualTo("\"123\"");
        assertThat(YamlText.string("")).isEqualTo("\"\"");
        assertThat(YamlText.string("a: \"b\"\\\n\u0001")).isEqualTo("\"a: \\\"b\\\"\\\\\\n\\u0001\"");
    }

    @Test
    void theResolvedExampleCanBeWrittenToAFileAndLoaded(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Experiment e = ExperimentLoader.load(ExperimentLoaderTest.EXAMPLE, List.of());
        Path file = Files.writeString(dir.resolve("experiment.yaml"), ExperimentYaml.toYaml(e));

        assertThat(ExperimentLoader.load(file, List.of())).isEqualTo(e);
    }
}
