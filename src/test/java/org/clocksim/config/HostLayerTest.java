package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --host}: the host's machine, kernel and source latencies over an experiment, whose workload,
 * scheduler, scripted events and kernel scenario keys stay; the experiment is renamed.
 */
class HostLayerTest {
    private static final String HOST = """
            # a calibrated host, as calibrate writes it
            name: calibration-box
            duration: 20ms
            machine:
              sockets: 1
              coresPerSocket: 4
              tsc: { frequency: 2599998.000kHz, socketOffset: [0cycles], invariant: true, tscAdjust: false }
            kernel:
              version: "6.1"
              hz: 1000
              clocksource: tsc
              vsyscall: xonly
              ntp: { frequency: 12.5000ppm }
            scheduler:
              migration: { policy: none }
            workload:
              threads: 1
              sources: [rdtsc, syscall-clock_gettime]
            sources:
              rdtsc: { latency: {type: lognormal, median: 8462ps, sigma: 0.0679, tailProbability: 0.004051, tailMean: 5498ps} }
              syscall-clock_gettime: { latency: 123077ps }
            """;

    private static final String EXPERIMENT = """
            name: scenario
            duration: 10ms
            machine:
              sockets: 2
              coresPerSocket: 2
              tsc: { frequency: 2.4GHz, socketOffset: [0ns, 20us], drift: 30ppm }
              events:
                - { at: 1ms, core: 1, tscWrite: 5us }
            kernel:
              hz: 250
              tscSyncCheck: true
              ntp: { flipEvery: 1ms }
            scheduler:
              migration: { policy: poisson, rate: 2000/s, gap: 5us }
            workload:
              threads: 2
              sources: [rdtsc, vdso-clock_gettime]
            sources:
              rdtsc: { latency: 12.6ns }
              vdso-clock_gettime: { clock: realtime }
            expect:
              rdtsc: { backwardEvents: ">= 1" }
            """;

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws IOException {
        Path file = tmp.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private Experiment onHost(String experiment, List<String> userOverrides) throws Exception {
        HostLayer host = HostLayer.read(write("host.yaml", HOST));
        Path config = write("scenario.yaml", experiment);
        return ExperimentLoader.load(config, host.onto(ExperimentLoader.load(config, host.under(userOverrides)),
                userOverrides));
    }

    @Test
    void theHostsMachineKernelAndLatenciesReplaceTheExperiments() throws Exception {
        Experiment e = onHost(EXPERIMENT, List.of());
        assertThat(e.machine().sockets()).isEqualTo(1);
        assertThat(e.machine().coresPerSocket()).isEqualTo(4);
        assertThat(e.machine().tsc().frequencyHz()).isEqualTo(2_599_998_000.0);
        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L);
        assertThat(e.machine().tsc().tscAdjust()).isFalse();
        assertThat(e.kernel().version().toString()).isEqualTo("6.1");
        assertThat(e.kernel().tick().hz()).isEqualTo(1000);
        assertThat(e.kernel().vsyscall()).isEqualTo(VsyscallMode.XONLY);
        assertThat(e.kernel().ntp().frequencyPpm()).isEqualTo(12.5);
        assertThat(e.source(SourceId.RDTSC).latency()).isEqualTo(new Distribution.WithTail(
                new Distribution.LogNormal(8462, 0.0679), 0.004051, 5498));
    }

    @Test
    void theExperimentsWorkloadSchedulerAndScenarioKeysStay() throws Exception {
        Experiment e = onHost(EXPERIMENT, List.of());
        assertThat(e.workload().threads()).isEqualTo(2);
        assertThat(e.workload().sources()).containsExactly(SourceId.RDTSC, SourceId.VDSO_CLOCK_GETTIME);
        assertThat(e.scheduler().migration().policy()).isEqualTo(MigrationPolicy.POISSON);
        assertThat(e.machine().tsc().driftPpm()).isEqualTo(30.0);
        assertThat(e.machine().events()).hasSize(1);
        assertThat(e.kernel().syncCheck().enabled()).isTrue();
        assertThat(e.kernel().ntp().flipEveryPs()).isEqualTo(1_000_000_000L);
        // a source the host did not measure keeps the experiment's settings and the preset's latency
        assertThat(e.source(SourceId.VDSO_CLOCK_GETTIME).clock()).isEqualTo(ClockId.REALTIME);
        assertThat(e.source(SourceId.VDSO_CLOCK_GETTIME).latency())
                .isEqualTo(LatencyPreset.MODERN_MITIGATED.latency(SourceId.VDSO_CLOCK_GETTIME, VsyscallMode.XONLY));
    }

    @Test
    void theExperimentIsRenamedAndTheUsersSetsApplyLast() throws Exception {
        Experiment e = onHost(EXPERIMENT, List.of("kernel.hz=300", "machine.coresPerSocket=3"));
        assertThat(e.name()).isEqualTo("scenario-on-calibration-box");
        assertThat(e.kernel().tick().hz()).isEqualTo(300);
        assertThat(e.machine().coresPerSocket()).isEqualTo(3);
    }

    @Test
    void aLongNameIsShortenedToTheLimitKeepingTheHost() throws IOException, ConfigException {
        HostLayer host = HostLayer.read(write("host.yaml", HOST));
        String renamed = host.renamed("x".repeat(ExperimentName.MAX_LENGTH));
        assertThat(renamed).hasSize(ExperimentName.MAX_LENGTH).endsWith("-on-calibration-box");
        assertThat(ExperimentName.isSafe(renamed)).isTrue();
    }

    @Test
    void aHostFileThatIsNoValidExperimentIsRefusedNamingItsLine() throws IOException {
        Path bad = write("host.yaml", HOST.replace("hz: 1000", "hz: 999"));
        assertThatThrownBy(() -> HostLayer.read(bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("host.yaml").hasMessageContaining("kernel.hz").hasMessageContaining("host.yaml:10:");
    }

    @Test
    void aCombinationTheHostCannotRunIsRefusedNamingTheKey() throws IOException {
        // two threads pinned to cores 0 and 3: the host has four, a two-core host has not
        String pinned = EXPERIMENT.replace("  migration: { policy: poisson, rate: 2000/s, gap: 5us }",
                "  placement: [0, 3]\n  migration: { policy: none }");
        Path config = write("scenario.yaml", pinned);
        Path smallHost = write("small.yaml", HOST.replace("coresPerSocket: 4", "coresPerSocket: 2"));
        assertThatThrownBy(() -> ExperimentLoader.load(config, HostLayer.read(smallHost).under(List.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("scheduler.placement");
    }

    @Test
    void valuesAreWrittenAsFlowYamlThatReadsBackTheSame() throws ConfigException {
        Problems problems = new Problems();
        String text = "{a: \"x: y\", b: [1, 2.5, true, null, 0cycles], c: {type: fixed, value: 3ns}}";
        YamlNode node = YamlTreeParser.parseOverrideValue(text, "k=" + text, "k", problems);
        String flow = HostLayer.flow(node);
        assertThat(flow).isEqualTo("{a: \"x: y\", b: [1, 2.5, true, null, \"0cycles\"], c: {type: fixed, value: \"3ns\"}}");
        assertThat(HostLayer.flow(YamlTreeParser.parseOverrideValue(flow, "k=" + flow, "k", problems))).isEqualTo(flow);
    }
}
