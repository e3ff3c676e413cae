package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.clocksim.config.ConfigException;
import org.clocksim.report.out.IoMessages;
import org.clocksim.report.out.UnusablePathException;
import org.clocksim.results.ResultsFormatException;

/**
 * What a command that failed prints and returns, for every command in one place: an input error (a
 * bad config, an output path clocksim will not use, a results file of another format version) is exit 2 with its messages; anything else is
 * exit 1 with one line saying what happened (an I/O failure names the file and the reason), never a
 * bare {@code null} and, unless {@code --stacktrace} is given, never a Java stack trace.
 */
final class Failures {
    private Failures() {
    }

    static int report(Throwable failure, boolean stacktrace, PrintWriter err) {
        int code;
        if (failure instanceof ConfigException config) {
            err.println(config.getMessage());
            code = Main.EXIT_BAD_CONFIG;
        } else if (failure instanceof UnusablePathException || failure instanceof ResultsFormatException) {
            err.println("clocksim: " + failure.getMessage());
            code = Main.EXIT_BAD_CONFIG;
        } else {
            err.println("clocksim: " + describe(failure));
            code = Main.EXIT_INTERNAL;
        }
        if (stacktrace) {
            failure.printStackTrace(err);
        } else if (code == Main.EXIT_INTERNAL && !isIo(failure)) {
            err.println("clocksim: run again with --stacktrace for the details to put in a bug report");
        }
        err.flush();
        return code;
    }

    /** One line: the kind of failure and its message. */
    static String describe(Throwable failure) {
        if (failure instanceof OutOfMemoryError) {
            return "out of memory (" + failure.getMessage() + "): the run needs more than the "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap; give Java more "
                    + "(JAVA_TOOL_OPTIONS=-Xmx8g) or make the run smaller (duration, cores, threads)";
        }
        if (failure instanceof IOException io) {
            return "I/O error: " + IoMessages.describe(io);
        }
        if (failure instanceof UncheckedIOException io) {
            return "I/O error: " + IoMessages.describe(io);
        }
        return "internal error: " + failure.getClass().getName() + message(failure).transform(m -> m.isEmpty() ? "" : ": " + m);
    }

    private static boolean isIo(Throwable failure) {
        return failure instanceof IOException || failure instanceof UncheckedIOException;
    }

    private static String message(Throwable failure) {
        String message = failure.getMessage();
        return message == null ? "" : message;
    }
}
