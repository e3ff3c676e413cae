package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.clocksim.TestSpecs;
import org.clocksim.config.ExperimentYaml;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.KernelReport;
import org.clocksim.observe.SkewSample;
import org.clocksim.report.SummaryJson;
import org.junit.jupiter.api.Test;

/** machine.tsc.invariant: false (KERNEL-FACTS.md §1; the kernel's reactions: §4). */
class NonInvariantTscTest {
    private static final String BASE = """
            duration: 100ms
            machine:
              sockets: 2
              coresPerSocket: 1
              tsc:
                invariant: false
                pstates: [{at: 50ms, socket: 1, frequency: 1.2GHz}]
            scheduler:
              placement: [0, 1]
            workload:
              threads: 2
              thinkTime: 1us
              sources: [rdtsc, vdso-clock_gettime]
            """;

    private static RunResults run(String yaml) {
        return new ExperimentRunner(1, ProgressListener.NONE).run(TestSpecs.load(yaml), 0);
    }

    private static double offsetNs(RunResults results, int core, double timeNs) {
        return results.skew().stream().filter(s -> s.core() == core && s.timePs() / 1000.0 >= timeNs)
                .findFirst().map(SkewSample::offsetNs).orElseThrow();
    }

    @Test
    void aPStateChangeSlowsTheSocketsCounterAndTheKernelDropsTheTsc() {
        RunResults results = run(BASE);
        // socket 1 counts at half rate after 50 ms: 25 ms behind by the end
        assertThat(offsetNs(results, 1, 100e6)).isBetween(-25.1e6, -24.9e6);
        assertThat(offsetNs(results, 1, 49e6)).isBetween(-1.0, 1.0);
        List<KernelReport.ClocksourceSwitch> switches = results.kernel().switches();
        assertThat(switches).hasSize(1);
        assertThat(switches.get(0).reason()).isEqualTo("cpufreq changes");
        assertThat(switches.get(0).timePs()).isBetween(50_000_000_000L, 54_000_000_000L);
        assertThat(results.kernel().finalClocksource()).isEqualTo(ClocksourceId.HPET);
    }

    @Test
    void anIdleCoresCounterStopsAndTheKernelDropsTheTscAtBoot() {
        RunResults results = run(BASE.replace("placement: [0, 1]", "placement: [0, 0]")
                .replace("    pstates: [{at: 50ms, socket: 1, frequency: 1.2GHz}]\n", ""));
        assertThat(offsetNs(results, 1, 100e6)).isBetween(-100.1e6, -99.9e6); // never ran
        assertThat(results.kernel().switches().get(0).reason()).isEqualTo("TSC halts in idle");
        // at the first tick: 4 ms of kernel time plus the 1 us tick latency
        assertThat(results.kernel().switches().get(0).timePs()).isBetween(4_000_000_000L, 4_002_000_000L);
    }

    @Test
    void pstateKeysNeedANonInvariantTscAndRoundTrip() {
        String yaml = ExperimentYaml.toYaml(TestSpecs.load(BASE));
        assertThat(yaml).contains("pstates: [{at: 50ms, socket: 1, frequency: 1.2GHz}]");
        assertThat(TestSpecs.load(yaml)).isEqualTo(TestSpecs.load(BASE));
        JsonNode summary = SummaryJson.toJson(run(BASE));
        assertThat(summary.get("kernel").get("finalClocksource").asText()).isEqualTo("hpet");
        assertThatThrownBy(() -> TestSpecs.load(BASE.replace("invariant: false", "invariant: true")))
                .hasMessageContaining("test.yaml:7: machine.tsc.pstates: only applies when machine.tsc.invariant "
                        + "is false");
    }
}
