package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationsTest {
    private static final String BASE = "duration: 1ms\nworkload: {threads: 2, pattern: lock-handoff, mode: alternate, "
            + "program: inconsistency-check, sources: [rdtsc, vdso-clock_gettime]}\n";

    private static List<Expectation> parse(String expect) throws ConfigException {
        return Expectations.parse(BASE + expect, "e.yaml", List.of());
    }

    @Test
    void readsEveryKindOfConditionWithItsOrigin() throws ConfigException {
        List<Expectation> expectations = parse("""
                expect:
                  rdtsc: {backwardEvents: 0, maxBackwardNs: "<= 2500", latencyNs.p50: "10..20"}
                  vdso-clock_gettime: {crossThread.backwardEvents: ">= 1", backwardByCause.migration: "!= 3"}
                  kernel: {finalClocksource: hpet, switches: "> 0"}
                  crossSource: {"rdtsc->vdso-clock_gettime.violations": 0}
                  program: {verdict: pass}
                """);
        assertThat(expectations).extracting(Expectation::describe).containsExactly(
                "rdtsc.backwardEvents == 0", "rdtsc.maxBackwardNs <= 2500", "rdtsc.latencyNs.p50 in 10..20",
                "vdso-clock_gettime.crossThread.backwardEvents >= 1",
                "vdso-clock_gettime.backwardByCause.migration != 3", "kernel.finalClocksource == hpet",
                "kernel.switches > 0", "crossSource.rdtsc->vdso-clock_gettime.violations == 0",
                "program.verdict == pass");
        assertThat(expectations.get(0).origin()).isEqualTo("e.yaml:4");
        assertThat(expectations.get(2).condition().holds(15.0, "15")).isTrue();
        assertThat(expectations.get(2).condition().holds(21.0, "21")).isFalse();
        assertThat(expectations.get(5).condition().holds(null, "hpet")).isTrue();
        assertThat(expectations.get(6).condition().holds(null, "x")).isFalse();
    }

    @Test
    void aTypoInAMetricIsAnErrorNotASilentPass() {
        assertThatThrownBy(() -> parse("expect:\n  rdtsc: {backwardEvent: 0}\n"))
                .hasMessageContaining("e.yaml:4: expect.rdtsc.backwardEvent: unknown metric; did you mean "
                        + "'backwardEvents'?");
        assertThatThrownBy(() -> parse("expect:\n  rdtscc: {backwardEvents: 0}\n"))
                .hasMessageContaining("expect.rdtscc: unknown subject 'rdtscc'").hasMessageContaining("did you mean");
        assertThatThrownBy(() -> parse("expect:\n  kernel: {finalClocksorce: hpet}\n"))
                .hasMessageContaining("did you mean 'finalClocksource'?");
        assertThatThrownBy(() -> parse("expect:\n  rdtsc: {backwardEvents: \">=> 1\"}\n"))
                .hasMessageContaining("expect.rdtsc.backwardEvents: expected a condition such as 0");
        assertThatThrownBy(() -> parse("expect:\n  rdtsc: {latencyNs.p50: \"20..10\"}\n"))
                .hasMessageContaining("expected a condition");
    }

    @Test
    void runAndValidateRejectABadExpectationToo() {
        assertThatThrownBy(() -> ExperimentLoader.parse(BASE + "expect:\n  rdtsc: {backwardEvent: 0}\n", "e.yaml",
                List.of())).hasMessageContaining("unknown metric");
    }

    @Test
    void checkProgramsNeedTheirSetUp() {
        assertThatThrownBy(() -> ExperimentLoader.parse(BASE.replace("workload: {", "workload: {program: "
                + "vdso-correctness, "), "e.yaml", List.of()))
                .hasMessageContaining("workload.program: vdso-correctness needs workload.mode: alternate");
        assertThatThrownBy(() -> ExperimentLoader.parse(BASE.replace("workload: {", "workload: {program: "
                + "skew-consistency, "), "e.yaml", List.of()))
                .hasMessageContaining("needs kernel.ntp: {frequency: 500ppm, flipEvery: 500ms}");
        assertThatThrownBy(() -> ExperimentLoader.parse(BASE.replace("workload: {", "workload: {program: raw-skew, "),
                "e.yaml", List.of())).hasMessageContaining("clock: monotonic-raw");
    }
}
