package org.clocksim.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code clocksim}: the entry point. */
@Command(name = "clocksim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Discrete-event simulator of time on multi-core machines: per-core TSCs, migrations, "
                + "and what programs reading the time see.",
        subcommands = {RunCommand.class, CheckCommand.class, CalibrateCommand.class, ListCommand.class, SweepCommand.class, MergeCommand.class,
                PlotCommand.class, CompareCommand.class, ValidateCommand.class, SchemaCommand.class, CommandLine.HelpCommand.class,
                AutoComplete.GenerateCompletion.class})
public final class Main {
    /** Exit code of any input error: a malformed or contradictory config, a bad option (nothing is written). */
    static final int EXIT_BAD_CONFIG = 2;
    /** Exit code of an internal failure (a bug, or the machine running out of memory or disk). */
    static final int EXIT_INTERNAL = 1;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT,
            description = "On an internal error, print the Java stack trace (for bug reports).")
    boolean stacktrace;

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs a command line, printing to the given writers, and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        Main main = new Main();
        CommandLine commandLine = new CommandLine(main).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> Failures.report(e, main.stacktrace, cmd.getErr()));
        try {
            return commandLine.execute(args);
        } catch (VirtualMachineError e) {
            // picocli passes Errors through: out of memory or stack is an internal failure, said in one line
            return Failures.report(e, main.stacktrace, err);
        }
    }
}
