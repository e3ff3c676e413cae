package org.clocksim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clocksim.config.ConfigException;
import org.clocksim.config.Expectations;
import org.clocksim.config.SweepLoader;
import org.clocksim.config.SweepPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clocksim validate CONFIG...}: check configs without running them. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check experiment files (their sweep and expect sections too); print every error with file, line "
                + "and key. Exit 2 if any is invalid.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Experiment files (YAML).")
    List<Path> configs;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean allValid = true;
        for (Path config : configs) {
            try {
                List<String> overrides = configOptions.overrides(config);
                SweepPlan plan = SweepLoader.load(config, overrides, List.of(), null, configOptions.workLimits());
                Expectations.load(config, overrides); // as check would hold the run to them
                out.println("ok: " + config + (plan.parameters().isEmpty() ? ""
                        : " (a sweep of " + plan.points().size() + " points x " + plan.replications() + " replications)"));
            } catch (ConfigException e) {
                err.println(e.getMessage());
                allValid = false;
            }
        }
        out.flush();
        err.flush();
        return allValid ? 0 : Main.EXIT_BAD_CONFIG;
    }
}
