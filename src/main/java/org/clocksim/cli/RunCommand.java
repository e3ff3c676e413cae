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
        description = "Run an experiment and write results/NAME/ (summary.json, CSVs, experiment.yaml, charts, report.md).",
        footer = {"", "Examples:",
                "  clocksim run experiments/quickstart.yaml",
                "  clocksim run experiments/quickstart.yaml --seed 8 --out /tmp/qs --no-charts",
                "  clocksim run experiments/two-socket-handoff.yaml --set 'machine.tsc.socketOffset=[0ns, 0ns]'",
                "  clocksim run experiments/quickstart.yaml --quiet --format json | jq .sources.rdtsc.backwardEvents"})
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

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary table: errors only.")
    boolean quiet;

    @Option(names = "--no-charts", description = "Write the data files and report.md, no charts (faster; "
            + "clocksim plot draws them later).")
    boolean noCharts;

    /** What run prints on stdout when done. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json",
            description = "What to print when done: text (a table, default) or json (summary.json's contents, the "
                    + "results directory and the expectations' verdicts).")
    Format format = Format.text;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, ConfigException {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        Experiment experiment = ExperimentLoader.load(config, configOptions.overrides(config), configOptions.workLimits());
        List<Expectation> expectations = expectations(err);
        if (seed != null) {
            experiment = experiment.withSeed(seed);
        }
        Path dir = out != null ? out : Path.of("results", experiment.name());
        if (replication < 0) {
            err.println("--replication: expected an integer >= 0, got " + replication);
            return Main.EXIT_BAD_CONFIG;
        }
        RunResults results;
        List<ExpectationResult> verdicts;
        try (OutputClaim claim = OutputClaim.acquire(dir, err::println)) {
            try (ConsoleProgress progress = quiet ? ConsoleProgress.none()
                    : ConsoleProgress.simulated(experiment.name(), experiment.durationPs(),
                            ExperimentRunner.passCount(experiment))) {
                TieOrder order = tieOrder == TieOrderOption.random ? TieOrder.random(experiment.seed()) : TieOrder.FIFO;
                results = new ExperimentRunner(threadsOption.threads(), progress).withTieOrder(order).run(experiment, replication);
            }
            verdicts = ExpectationEvaluator.evaluate(expectations, SummaryJson.of(results))
                    .stream().map(Verdict::result).toList();
            if (!quiet) {
                ConsoleProgress.phase(!noCharts ? "writing the results, rendering the charts and report.md"
                        : "writing the results and report.md");
            }
            RunWriter.write(results, ExperimentYaml.toYaml(experiment), verdicts, !noCharts, dir);
        }
        if (format == Format.json) {
            outWriter.print(RunJson.of(SummaryJson.of(results), dir, verdicts));
            outWriter.flush();
        } else if (!quiet) {
            printSummary(outWriter, results, dir, verdicts);
        }
        return 0;
    }

    /**
     * The config's expectations, to hold the run to; none, with a note on stderr, when an override
     * leaves one behind (check and validate refuse that config; run runs it).
     */
    private List<Expectation> expectations(PrintWriter err) {
        try {
            return Expectations.load(config, configOptions.overrides);
        } catch (ConfigException e) {
            err.println("clocksim: the expect: section is not checked (no expect.json): " + e.getMessage());
            return List.of();
        }
    }

    private static void printSummary(PrintWriter out, RunResults results, Path dir, List<ExpectationResult> verdicts) {
        out.printf("%-24s %12s %10s %14s %12s %14s%n", "source", "reads", "backward", "max back (ns)",
                "p50 (ns)", "cross-thread");
        for (SourceResult s : results.sources()) {
            out.printf("%-24s %12d %10d %14.1f %12.1f %14s%n", s.source().id(), s.reads(),
                    s.thread().backwardEvents(), s.thread().maxBackwardNs(),
                    TimeUnits.ns(s.latencyPs().getValueAtPercentile(50)),
                    s.crossThread() == null ? "-" : s.crossThread().backwardEvents()
                            + " (max " + Math.round(s.crossThread().maxBackwardNs()) + " ns)");
        }
        if (!verdicts.isEmpty()) {
            long failed = verdicts.stream().filter(v -> !v.passed()).count();
            out.println("expect: " + (verdicts.size() - failed) + " of " + verdicts.size() + " hold"
                    + (failed == 0 ? "" : "; failing: " + String.join(", ", verdicts.stream().filter(v -> !v.passed())
                    .map(v -> v.expectation() + " (actual " + v.actual() + ")").toList())));
        }
        out.println("results: " + dir);
        out.flush();
    }
}
