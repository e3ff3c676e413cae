package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.config.ConfigError;
import org.clocksim.config.ConfigException;
import org.clocksim.report.out.UnusablePathException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 2 for every input error, the option or key named; 1 only for internal failures, always with a reason. */
class ExitCodesTest {
    private static final String QUICKSTART = "experiments/quickstart.yaml";

    @ParameterizedTest
    @ValueSource(strings = {"run", "check", "sweep"})
    void zeroThreadsIsAnInputErrorNamingTheOption(String command) {
        Cli cli = Cli.run(command, QUICKSTART, "--threads", "0");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("--threads: expected an integer >= 1, got 0");
    }

    @Test
    void aHugeListIndexInSetIsAnInputError() {
        Cli cli = Cli.run("validate", QUICKSTART, "--set", "machine.tsc.socketOffset[99999999999]=1us");
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("index out of range").doesNotContain("For input string");
    }

    @Test
    void validateAndCheckRefuseExpectationsAnOverrideLeavesBehindButRunRuns(@TempDir Path tmp) {
        Object[] override = {"--set", "workload.sources=[rdtsc]", "--set", "duration=1ms"};
        Cli validate = Cli.run("validate", QUICKSTART, override[0], override[1], override[2], override[3]);
        assertThat(validate.exitCode()).isEqualTo(2);
        assertThat(validate.err()).contains("expect.rdtscp.cpuChangesSeen: never present in this run");
        assertThat(Cli.run("check", QUICKSTART, override[0], override[1], override[2], override[3]).exitCode())
                .isEqualTo(2);
        Cli run = Cli.run("run", QUICKSTART, "--out", tmp.resolve("q"), override[0], override[1], override[2],
                override[3]);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("the expect: section is not checked (no expect.json)");
        assertThat(tmp.resolve("q").resolve("expect.json")).doesNotExist();
    }

    @Test
    void stacktraceIsAcceptedBeforeOrAfterTheCommand() {
        assertThat(Cli.run("validate", "--stacktrace", QUICKSTART).exitCode()).isZero();
        assertThat(Cli.run("--stacktrace", "validate", QUICKSTART).exitCode()).isZero();
    }

    private static String report(Throwable failure, boolean stacktrace, int expectedCode) {
        StringWriter text = new StringWriter();
        assertThat(Failures.report(failure, stacktrace, new PrintWriter(text, true))).isEqualTo(expectedCode);
        return text.toString();
    }

    @Test
    void anUnexpectedExceptionWithoutMessageIsNamedNeverNull() {
        String err = report(new NullPointerException(), false, 1);
        assertThat(err).startsWith("clocksim: internal error: java.lang.NullPointerException\n")
                .contains("--stacktrace").doesNotContain("null\n").doesNotContain("\tat ");
    }

    @Test
    void stacktracePrintsWhereItHappened() {
        assertThat(report(new IllegalStateException("broken"), true, 1))
                .contains("internal error: java.lang.IllegalStateException: broken").contains("\tat org.clocksim.cli");
    }

    @Test
    void outOfMemorySaysWhatToDo() {
        assertThat(report(new OutOfMemoryError("Java heap space"), false, 1))
                .contains("out of memory (Java heap space)").contains("-Xmx").doesNotContain("\tat ");
    }

    @Test
    void anIoFailureWhileWritingIsExitOneWithTheFileAndTheReason() {
        assertThat(report(new AccessDeniedException("results/x/summary.json"), false, 1).strip())
                .isEqualTo("clocksim: I/O error: results/x/summary.json: Permission denied");
        assertThat(report(new UncheckedIOException(new NoSuchFileException("results/y")), false, 1))
                .contains("results/y: No such file or directory").doesNotContain("--stacktrace");
    }

    @Test
    void anOutputPathClocksimWillNotUseIsExitTwo() {
        assertThat(report(new UnusablePathException("will not write"), false, 2).strip())
                .isEqualTo("clocksim: will not write");
    }

    @Test
    void aConfigErrorIsExitTwoWithItsMessages() {
        assertThat(report(new ConfigException(List.of(new ConfigError("x.yaml", 3, "seed", "expected an integer"))),
                false, 2)).isEqualTo("x.yaml:3: seed: expected an integer\n");
    }
}
