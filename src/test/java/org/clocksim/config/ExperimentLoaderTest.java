package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceSpec;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.clocksim.workload.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentLoaderTest {
    static final Path EXAMPLE = Path.of("experiments/two-socket-handoff.yaml");

    @Test
    void theTwoSocketExampleLoadsWithItsValues() throws ConfigException {
        Experiment e = ExperimentLoader.load(EXAMPLE, List.of());

        assertThat(e.name()).isEqualTo("two-socket-handoff");
        assertThat(e.description()).startsWith("Two sockets whose TSCs left reset 2 microseconds apart;");
        assertThat(e.seed()).isEqualTo(42);
        assertThat(e.durationPs()).isEqualTo(200_000_000_000L);
        assertThat(e.machine().sockets()).isEqualTo(2);
        assertThat(e.machine().cores()).isEqualTo(4);
        assertThat(e.machine().tsc().frequencyHz()).isEqualTo(2.4e9);
        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L, 2_000_000L);
        assertThat(e.machine().tsc().driftPpm()).isEqualTo(30);
        assertThat(e.machine().tsc().socketDriftPpm()).containsExactly(0.0, 0.0);
        assertThat(e.machine().tsc().wanderIntervalPs()).isEqualTo(1_000_000_000L);
        assertThat(e.scheduler().placement()).isEmpty();
        assertThat(e.scheduler().migration().policy()).isEqualTo(MigrationPolicy.NONE);
        assertThat(e.workload().threads()).isEqualTo(4);
        assertThat(e.workload().pattern()).isEqualTo(Pattern.LOCK_HANDOFF);
        assertThat(e.workload().handoffLatency()).isEqualTo(new Distribution.Fixed(120_000));
        assertThat(e.workload().sources()).containsExactly(SourceId.RDTSC, SourceId.RDTSCP);
        assertThat(e.sources()).containsOnlyKeys(SourceId.RDTSC, SourceId.RDTSCP);
        assertThat(e.source(SourceId.RDTSCP)).isEqualTo(new SourceSpec(LatencyPreset.MODERN_MITIGATED.latency(SourceId.RDTSCP, VsyscallMode.XONLY), ClockId.MONOTONIC));
    }

    @Test
    void theExampleWithBothSocketOffsetsOverriddenToZero() throws ConfigException {
        Experiment e = ExperimentLoader.load(EXAMPLE, List.of("machine.tsc.socketOffset=[0ns, 0ns]"));

        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L, 0L);
    }

    @Test
    void everyDefaultIsFilledIn() {
        Experiment e = Configs.load("duration: 1s\n");

        assertThat(e.name()).isEqualTo("x");
        assertThat(e.description()).isEmpty();
        assertThat(e.seed()).isEqualTo(1);
        assertThat(e.machine().sockets()).isEqualTo(1);
        assertThat(e.machine().coresPerSocket()).isEqualTo(2);
        var tsc = e.machine().tsc();
        assertThat(tsc.frequencyHz()).isEqualTo(2.4e9);
        assertThat(tsc.socketOffsetPs()).containsExactly(0L);
        assertThat(tsc.coreOffsetStdDevPs()).isZero();
        assertThat(tsc.driftPpm()).isZero();
        assertThat(tsc.socketDriftPpm()).containsExactly(0.0);
        assertThat(tsc.wanderPpmPerSqrtS()).isZero();
        assertThat(tsc.wanderIntervalPs()).isEqualTo(1_000_000_000L);
        assertThat(e.scheduler().placement()).isEmpty();
        var migration = e.scheduler().migration();
        assertThat(migration.policy()).isEqualTo(MigrationPolicy.NONE);
        assertThat(migration.ratePerSecond()).isZero();
        assertThat(migration.intervalPs()).isZero();
        assertThat(migration.cores()).isEmpty();
        assertThat(migration.gap()).isEqualTo(new Distribution.Fixed(5_000_000));
        var w = e.workload();
        assertThat(w.threads()).isEqualTo(1);
        assertThat(w.pattern()).isEqualTo(Pattern.INDEPENDENT);
        assertThat(w.handoffLatency()).isEqualTo(new Distribution.Fixed(100_000));
        assertThat(w.handoffOrder()).isEqualTo(HandoffOrder.ROUND_ROBIN);
        assertThat(w.thinkTime()).isEqualTo(new Distribution.Fixed(0));
        assertThat(w.sources()).containsExactly(SourceId.RDTSC);
        assertThat(w.calibrationErrorPpm()).isZero();
        assertThat(e.sources()).containsExactlyEntriesOf(
                new java.util.TreeMap<>(java.util.Map.of(SourceId.RDTSC, new SourceSpec(LatencyPreset.MODERN_MITIGATED.latency(SourceId.RDTSC, VsyscallMode.XONLY), ClockId.MONOTONIC))));
        assertThat(e.output().maxBackwardEvents()).isEqualTo(10_000);
        assertThat(e.output().skewSamples()).isEqualTo(200);
    }

    @Test
    void perSocketListsDefaultToZeroForEverySocket() {
        Experiment e = Configs.load("duration: 1s\nmachine: {sockets: 3}\n");

        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L, 0L, 0L);
        assertThat(e.machine().tsc().socketDriftPpm()).containsExactly(0.0, 0.0, 0.0);
    }

    @Test
    void theDefaultNameIsTheFileBaseName() throws ConfigException {
        assertThat(ExperimentLoader.parse("duration: 1s", "experiments/sweep.base.yaml", List.of()).name())
                .isEqualTo("sweep.base");
        assertThat(ExperimentLoader.baseName("dir/two.yaml")).isEqualTo("two");
        assertThat(ExperimentLoader.baseName("noext")).isEqualTo("noext");
    }

    @Test
    void offsetsInCyclesUseTheConfiguredNominalFrequency() {
        Experiment e = Configs.load("""
                duration: 1s
                machine:
                  sockets: 2
                  tsc: {frequency: 1GHz, socketOffset: [0, 5000cycles]}
                """);

        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L, 5_000_000L);
    }

    @Test
    void aMissingFileIsAnErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");

        assertThatThrownBy(() -> ExperimentLoader.load(missing, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aFileIsReadWithItsPathInErrors(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("two.yaml"), "duration: 200 parsecs\n");

        assertThatThrownBy(() -> ExperimentLoader.load(file, List.of()))
                .hasMessage(file + ":1: duration: expected a duration such as 200ms, 3us, 1s; got '200 parsecs'");
    }

    @Test
    void theErrorListIsTheExceptionMessageOneLinePerError() {
        ConfigException e = new ConfigException(List.of(new ConfigError("a.yaml", 3, "seed", "bad"),
                new ConfigError("--set x=1", 0, "x", "unknown key"), new ConfigError("b.yaml", 0, "", "no such file")));

        assertThat(e.getMessage()).isEqualTo("a.yaml:3: seed: bad\n--set x=1: x: unknown key\nb.yaml: no such file");
        assertThat(e.errors()).hasSize(3);
    }
}
