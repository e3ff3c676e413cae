package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clocksim.config.ConfigException;
import org.clocksim.config.SweepLoader;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.out.OutputClaim;
import org.clocksim.sweep.Shard;
import org.clocksim.sweep.SweepProgress;
import org.clocksim.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clocksim sweep CONFIG}: run every point of a sweep, with replications, in parallel. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a parameter sweep with replications; writes results/NAME/ with sweep.csv, sweep.json, "
                + "charts and point-NNN/rep-K/ run results.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment file (YAML), with or without a sweep section.")
    Path config;

    @Option(names = "--param", paramLabel = "KEY=V1,V2,...",
            description = "A swept parameter (one or two; replace the config's sweep.parameters).")
    List<String> parameters = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N", description = "Replications per point (config: replications).")
    Integer replications;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/NAME).")
    Path out;

    @Option(names = "--resume", description = "Keep the finished replications of an interrupted or earlier run.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N (then: clocksim merge).")
    String shard;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        SweepPlan plan;
        Shard selected;
        plan = SweepLoader.load(config, configOptions.overrides(config), parameters, replications, configOptions.workLimits());
        try {
            selected = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            err.println("--shard: " + e.getMessage());
            return Main.EXIT_BAD_CONFIG;
        }
        if (plan.parameters().isEmpty()) {
            err.println(config + ": sweep.parameters: nothing to sweep; add a sweep section or --param KEY=V1,V2");
            return Main.EXIT_BAD_CONFIG;
        }
        Path dir = out != null ? out : Path.of("results", plan.base().name());
        try (OutputClaim claim = OutputClaim.acquire(dir, err::println);
             ConsoleProgress bar = ConsoleProgress.counting(plan.base().name(), 0, " runs")) {
            new SweepRunner(threadsOption.threads(), new SweepProgress() {
                @Override
                public void start(int runs) {
                    bar.maxHint(runs);
                }

                @Override
                public void done() {
                    bar.advanced(1);
                }
            }).run(plan, dir, resume, selected);
        }
        PrintWriter outWriter = spec.commandLine().getOut();
        outWriter.println(plan.points().size() + " points x " + plan.replications() + " replications"
                + (selected.isAll() ? "" : ", shard " + shard) + "; results: " + dir);
        outWriter.flush();
        return 0;
    }
}
