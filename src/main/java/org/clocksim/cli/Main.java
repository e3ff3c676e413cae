package org.clocksim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clocksim}: the entry point. */
@Command(name = "clocksim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Discrete-event simulator of time on multi-core machines: per-core TSCs, migrations, "
                + "and what programs reading the time see.",
        subcommands = {RunCommand.class, CheckCommand.class, ListCommand.class, SweepCommand.class, MergeCommand.class, PlotCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code of a malformed or contradictory config (nothing is written). */
    static final int EXIT_BAD_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line, printing to the given writers, and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("clocksim: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }
}
