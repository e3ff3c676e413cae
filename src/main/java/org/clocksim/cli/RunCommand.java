package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.clocksim.check.ExpectationEvaluator;
import org.clocksim.check.Verdict;
import org.clocksim.config.Expectation;
import org.clocksim.config.Expectations;
import org.clocksim.report.SummaryJson;
import org.clocksim.results.ExpectationResult;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.config.ExperimentYaml;
import org.clocksim.engine.TieOrder;
import org.clocksim.observe.SourceResult;
import org.clocksim.report.RunWriter;
import org.clocksim.report.out.OutputClaim;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.RunResults;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.clocksim.engine.TimeUnits;

/** {@code clocksim run CONFIG}: simulate one experiment and write its results directory. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment and write results/NAME/ (summary.json, CSVs, experiment.yaml, charts, report.md).")
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CONFIG", description = "Experiment file (YAML).")
    Path config;

    @Option(names = "--seed", description = "Seed to use instead of the config's.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Results directory (default: results/NAME).")
    Path out;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--replication", paramLabel = "K",
            description = "Run replication K of the experiment (its own random substreams; a sweep's "
                    + "point-NNN/rep-K is replication K of point-NNN/experiment.yaml). Default 0.")
    int replication;

    /** How the event queue breaks ties: a verification knob, statistics must not depend on it. */
    enum TieOrderOption { fifo, random }

    @Option(names = "--tie-order", paramLabel = "fifo|random",
            description = "Order of simultaneous events: fifo (scheduling order, default) or random (seeded by the "
                    + "experiment's seed). A verification knob: statistics must not depend on it.")
    TieOrderOption tieOrder = TieOrderOption.fifo;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Experiment experiment = ExperimentLoader.load(config, configOptions.overrides, configOptions.workLimits());
        List<Expectation> expectations = Expectations.load(config, configOptions.overrides);
        if (seed != null) {
            experiment = experiment.withSeed(seed);
        }
        Path dir = out != null ? out : Path.of("results", experiment.name());
        if (replication < 0) {
            err.println("--replication: expected an integer >= 0, got " + replication);
            return Main.EXIT_BAD_CONFIG;
        }
        RunResults results;
        long total = ExperimentRunner.totalPs(experiment);
        try (OutputClaim claim = OutputClaim.acquire(dir, err::println)) {
            try (ConsoleProgress progress = ConsoleProgress.simulated(experiment.name(), total)) {
                TieOrder order = tieOrder == TieOrderOption.random ? TieOrder.random(experiment.seed()) : TieOrder.FIFO;
                results = new ExperimentRunner(threadsOption.threads(), progress).withTieOrder(order).run(experiment, replication);
            }
            List<ExpectationResult> verdicts = ExpectationEvaluator.evaluate(expectations, SummaryJson.of(results))
                    .stream().map(Verdict::result).toList();
            RunWriter.write(results, ExperimentYaml.toYaml(experiment), verdicts, dir);
        }
        printSummary(outWriter, results, dir);
        return 0;
    }

    private static void printSummary(PrintWriter out, RunResults results, Path dir) {
        out.printf("%-24s %12s %10s %14s %12s %14s%n", "source", "reads", "backward", "max back (ns)",
                "p50 (ns)", "cross-thread");
        for (SourceResult s : results.sources()) {
            out.printf("%-24s %12d %10d %14.1f %12.1f %14s%n", s.source().id(), s.reads(),
                    s.thread().backwardEvents(), s.thread().maxBackwardNs(),
                    TimeUnits.ns(s.latencyPs().getValueAtPercentile(50)),
                    s.crossThread() == null ? "-" : s.crossThread().backwardEvents()
                            + " (max " + Math.round(s.crossThread().maxBackwardNs()) + " ns)");
        }
        out.println("results: " + dir);
        out.flush();
    }
}
