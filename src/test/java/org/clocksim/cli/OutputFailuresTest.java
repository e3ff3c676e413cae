package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import org.clocksim.report.out.UnusablePathException;
import org.junit.jupiter.api.Test;

class OutputFailuresTest {
    @Test
    void aFailureWhileWritingIsExitOneWithTheReason() {
        StringWriter err = new StringWriter();
        int code = OutputFailures.of(new PrintWriter(err), Path.of("results/x"),
                new AccessDeniedException("results/x/summary.json"));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("clocksim: cannot write results to results/x: results/x/summary.json: Permission denied");
    }

    @Test
    void aRefusalIsExitTwoWithItsMessage() {
        StringWriter err = new StringWriter();
        int code = OutputFailures.of(new PrintWriter(err), Path.of("v"), new UnusablePathException("will not write"));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("clocksim: will not write");
    }
}
