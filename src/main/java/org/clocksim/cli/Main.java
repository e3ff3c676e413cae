package org.clocksim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code clocksim}: the entry point. */
@Command(name = "clocksim", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Discrete-event simulator of time on multi-core machines: per-core TSCs, migrations, "
                + "and what programs reading the time see.",
        subcommands = {RunCommand.class, ValidateCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    /** Exit code of a malformed or contradictory config (nothing is written). */
    static final int EXIT_BAD_CONFIG = 2;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code (tests call this). */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("clocksim: " + e.getMessage());
            return 1;
        });
        return commandLine.execute(args);
    }
}
