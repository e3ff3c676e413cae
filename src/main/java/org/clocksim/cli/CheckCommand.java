package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.clocksim.check.ExpectationEvaluator;
import org.clocksim.check.JUnitXml;
import org.clocksim.check.Verdict;
import org.clocksim.config.ConfigException;
import org.clocksim.config.Expectation;
import org.clocksim.config.Expectations;
import org.clocksim.config.SweepLoader;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.SummaryJson;
import org.clocksim.report.out.UnusablePathException;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clocksim check CONFIG...}: runs each config (each point of a sweep, replication 0) and
 * holds the summary against its {@code expect:} section. Exit 0 when every expectation holds, 1
 * when any fails, 2 when a config is bad (then nothing runs).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run configs and check their expect: sections; exit 0 if all hold, 1 if any fails, 2 on a bad "
                + "config. Writes no results directory.")
final class CheckCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;

    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Experiment files (YAML) with expect: sections.")
    List<Path> configs;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the verdicts as JUnit XML.")
    Path junitXml;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    ConfigOptions configOptions;

    @Spec
    CommandSpec spec;

    private record Checked(Path config, SweepPlan plan, List<Expectation> expectations) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Checked> checks = new ArrayList<>();
        boolean bad = false;
        for (Path config : configs) {
            try {
                List<String> overrides = configOptions.overrides(config);
                checks.add(new Checked(config, SweepLoader.load(config, overrides, List.of(), null,
                        configOptions.workLimits()), Expectations.load(config, overrides)));
            } catch (ConfigException e) {
                err.println(e.getMessage());
                bad = true;
            }
        }
        if (bad) {
            err.flush();
            return Main.EXIT_BAD_CONFIG;
        }
        if (junitXml != null) {
            JUnitXml.checkTarget(junitXml);
        }
        List<JUnitXml.Suite> suites = new ArrayList<>();
        for (Checked check : checks) {
            for (SweepPlan.Point point : check.plan().points()) {
                String name = check.config() + (point.values().isEmpty() ? "" : " " + point.values());
                var results = new ExperimentRunner(threadsOption.threads(), ProgressListener.NONE).run(point.experiment(), 0);
                List<Verdict> verdicts = ExpectationEvaluator.evaluate(check.expectations(), SummaryJson.of(results));
                suites.add(new JUnitXml.Suite(name, verdicts));
                print(out, name, verdicts);
            }
        }
        if (junitXml != null) {
            JUnitXml.write(suites, junitXml);
        }
        long failed = suites.stream().flatMap(s -> s.verdicts().stream()).filter(v -> !v.passed()).count();
        long total = suites.stream().mapToLong(s -> s.verdicts().size()).sum();
        out.println((total - failed) + " passed, " + failed + " failed");
        out.flush();
        return failed > 0 ? EXIT_FAILED : 0;
    }

    private static void print(PrintWriter out, String name, List<Verdict> verdicts) {
        out.println(name);
        if (verdicts.isEmpty()) {
            out.println("  (no expectations)");
        }
        for (Verdict verdict : verdicts) {
            out.printf("  %-4s  %-60s actual %s%n", verdict.passed() ? "ok" : "FAIL",
                    verdict.expectation().describe(), verdict.actual());
        }
    }
}
