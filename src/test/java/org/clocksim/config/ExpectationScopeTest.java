package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An expectation on a metric the run can never write fails validate (it could only fail check as "absent"). */
class ExpectationScopeTest {
    private static final String INDEPENDENT = "duration: 1ms\nworkload: {sources: [rdtsc, getcpu]}\nexpect:\n";

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
            "inconsistency-check|measuredPpm|inconsistency-check reports verdict, windows, failingWindows, not measuredPpm",
            "raw-skew|violations|raw-skew reports verdict, measuredPpm, ntpPpm, not violations"})
    void aProgramFigureOfAnotherProgramIsRefused(String program, String metric, String message) {
        String yaml = "duration: 1ms\nworkload: {program: " + program + "}\nexpect:\n  program: {" + metric + ": 0}\n";
        assertThat(errors(yaml)).anySatisfy(error -> assertThat(error).contains(message));
    }
}
