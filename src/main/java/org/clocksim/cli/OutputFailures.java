package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.clocksim.report.out.IoMessages;
import org.clocksim.report.out.UnusablePathException;

/**
 * How the commands report a problem with where their results go, always with the reason: one the
 * user can fix (a refused or unwritable --out, a busy target) is exit 2; a failure while writing
 * is exit 1.
 */
final class OutputFailures {
    /** Exit code of an I/O failure while writing results (the reason is printed). */
    static final int EXIT_WRITE_FAILED = 1;

    private OutputFailures() {
    }

    static int refused(PrintWriter err, UnusablePathException e) {
        err.println("clocksim: " + e.getMessage());
        err.flush();
        return Main.EXIT_BAD_CONFIG;
    }

    /** Maps {@code e}: a refusal is exit 2, any other I/O failure exit 1 naming {@code target} and the reason. */
    static int of(PrintWriter err, Path target, IOException e) {
        if (e instanceof UnusablePathException refusal) {
            return refused(err, refusal);
        }
        err.println("clocksim: cannot write results to " + target + ": " + IoMessages.describe(e));
        err.flush();
        return EXIT_WRITE_FAILED;
    }
}
