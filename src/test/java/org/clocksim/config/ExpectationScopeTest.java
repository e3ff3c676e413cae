package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An expectation on a metric the run can never write fails validate and check (it could only fail as
 * "absent"); a run with an override that leaves one behind still runs (run does not check expectations).
 */
class ExpectationScopeTest {
    private static final String INDEPENDENT = "duration: 1ms\nworkload: {sources: [rdtsc, getcpu]}\nexpect:\n";

    private static List<String> errors(String yaml, String... overrides) {
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> {
            try {
                Expectations.parse(yaml, "x.yaml", List.of(overrides));
            } catch (ConfigException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ConfigException.class);
        return caught[0].errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aRunWithAnOverrideThatLeavesAnExpectationBehindStillLoads() throws ConfigException {
        String yaml = "duration: 1ms\nworkload: {sources: [rdtsc, rdtscp]}\nexpect:\n  rdtscp: {reads: \">= 1\"}\n";
        assertThat(ExperimentLoader.parse(yaml, "x.yaml", List.of("workload.sources=[rdtsc]")).workload().sources())
                .hasSize(1);
        assertThat(errors(yaml, "workload.sources=[rdtsc]")).singleElement().asString()
                .contains("expect.rdtscp.reads: never present in this run: rdtscp is not in workload.sources [rdtsc]");
        assertThat(Expectations.parse(yaml, "x.yaml", List.of())).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "vdso-time: {reads: 1}|expect.vdso-time.reads: never present in this run: vdso-time is not in "
                    + "workload.sources [rdtsc, getcpu], so the run never reads it",
            "rdtsc: {crossThread.maxBackwardNs: 0}|expect.rdtsc.crossThread.maxBackwardNs: never present in this "
                    + "run: cross-thread figures exist only with workload.pattern: lock-handoff (the pattern is independent)",
            "crossSource: {rdtsc->getcpu.violations: 0}|expect.crossSource.rdtsc->getcpu.violations: never present "
                    + "in this run: crossSource figures exist only with workload.mode: alternate (the mode is passes)",
            "program: {verdict: pass}|expect.program.verdict: never present in this run: program figures exist only "
                    + "with a workload.program (it is none)",
            "rdtsc: {staleCpu: 0}|expect.rdtsc.staleCpu: never present in this run: only getcpu reports staleCpu",
            "rdtsc: {cpuChangesSeen: 0}|expect.rdtsc.cpuChangesSeen: never present in this run: only rdtscp returns "
                    + "a cpu id with the time (cpuChangesSeen)",
            "getcpu: {backwardEvents: 0}|expect.getcpu.backwardEvents: never present in this run: getcpu returns a "
                    + "cpu, not a time: it has no backwardEvents",
            "getcpu: {errorNs.maxAbs: 0}|expect.getcpu.errorNs.maxAbs: never present in this run: getcpu returns a "
                    + "cpu, not a time: it has no errorNs.maxAbs"})
    void anExpectationTheRunCannotProduceIsRefused(String expectation, String message) {
        assertThat(errors(INDEPENDENT + "  " + expectation + "\n")).containsExactly("x.yaml:4: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "selftest-inconsistency-check|measuredPpm|inconsistency-check reports verdict, windows, failingWindows, not measuredPpm",
            "selftest-raw-skew|violations|raw-skew reports verdict, measuredPpm, ntpPpm, not violations"})
    void aProgramFigureOfAnotherProgramIsRefused(String experiment, String metric, String message) throws IOException {
        String yaml = Files.readString(Path.of("experiments", experiment + ".yaml"));
        assertThat(errors(yaml, "expect={program: {" + metric + ": 0}}")).singleElement().asString().contains(message);
    }
}
