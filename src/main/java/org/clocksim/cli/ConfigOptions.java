package org.clocksim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by commands that load a config. */
final class ConfigOptions {
    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config value, e.g. --set machine.tsc.socketOffset=[0ns,0ns] "
                    + "or --set machine.tsc.socketOffset[1]=5us (repeatable).")
    List<String> overrides = new ArrayList<>();
}
