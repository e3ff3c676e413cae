package org.clocksim.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.clocksim.config.Expectations;
import org.clocksim.results.Summary;
import org.clocksim.results.SummaryFile;
import org.junit.jupiter.api.Test;

class ExpectationEvaluatorTest {
    private static final String SUMMARY = """
            {"formatVersion": 1, "experiment": "e", "seed": 1, "durationNs": 1000000,
             "sources": {"rdtsc": {"backwardEvents": 3, "latencyNs": {"p50": 12.6}, "backwardByCause": {"migration": 3}},
                         "vdso-clock_gettime": {"backwardEvents": 0}},
             "crossThread": {"rdtsc": {"backwardEvents": 7}},
             "crossSource": {"rdtsc->vdso-clock_gettime": {"violations": 2}},
             "kernel": {"finalClocksource": "hpet", "switches": [{"to": "hpet"}],
                        "syncCheck": {"enabled": true, "cpus": [{"verdict": "compensated"}, {"verdict": "ok"}]},
                        "watchdog": {"checks": [{"verdict": "first"}, {"verdict": "unstable"}]}},
             "program": {"verdict": "fail"}}
            """;

    private static Summary summary() throws Exception {
        return SummaryFile.parse(new ObjectMapper().readTree(SUMMARY), "summary.json");
    }

    private static List<Verdict> evaluate(String expect) throws Exception {
        return ExpectationEvaluator.evaluate(Expectations.parse("duration: 1ms\nworkload: {threads: 2, "
                + "pattern: lock-handoff, mode: alternate, program: inconsistency-check, sources: [rdtsc, "
                + "vdso-clock_gettime]}\nexpect:\n" + expect, "e.yaml", List.of()), summary());
    }

    @Test
    void findsEachMetricWhereTheSummaryKeepsIt() throws Exception {
        List<Verdict> verdicts = evaluate("""
                  rdtsc: {backwardEvents: ">= 1", latencyNs.p50: "10..20", crossThread.backwardEvents: 7,
                          backwardByCause.migration: 3, backwardByCause.tsc-write: 0}
                  kernel: {finalClocksource: hpet, switches: 1, syncCheck.compensated: 1, syncCheck.enabled: true,
                           watchdog.unstable: 1, watchdog.checks: 2}
                  crossSource: {"rdtsc->vdso-clock_gettime.violations": 2}
                """);
        assertThat(verdicts).hasSize(12);
        assertThat(verdicts).allSatisfy(v -> assertThat(v.passed()).as(v.expectation().describe()).isTrue());
        assertThat(verdicts.get(0).actual()).isEqualTo("3");
    }

    @Test
    void failuresCarryTheActualValueAndAbsentMetricsFail() throws Exception {
        List<Verdict> verdicts = evaluate("""
                  vdso-clock_gettime: {backwardEvents: ">= 1", crossThread.backwardEvents: 0}
                  program: {verdict: pass}
                """);
        assertThat(verdicts).extracting(Verdict::passed).containsExactly(false, false, false);
        assertThat(verdicts).extracting(Verdict::actual).containsExactly("0", "absent", "fail");
    }

    @Test
    void noExpectationsNoVerdicts() throws Exception {
        assertThat(ExpectationEvaluator.evaluate(Expectations.parse("duration: 1ms\n", "e.yaml", List.of()),
                summary())).isEmpty();
    }
}
