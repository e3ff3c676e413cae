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
                + "config. Writes no results directory.",
        footer = {"", "Examples:",
                "  clocksim check experiments/*.yaml",
                "  clocksim check experiments/watchdog-fallback.yaml --junit-xml target/clocksim-check.xml",
                "  clocksim check experiments/*.yaml --quiet --format json"})
final class CheckCommand implements Callable<Integer> {
    static final int EXIT_FAILED = 1;

    @Parameters(arity = "1..*", paramLabel = "CONFIG", description = "Experiment files (YAML) with expect: sections.")
    List<Path> configs;

    @Option(names = "--junit-xml", paramLabel = "FILE", description = "Also write the verdicts as JUnit XML.")
    Path junitXml;

    @Mixin
    ThreadsOption threadsOption;

    /** What check prints. */
    enum Format { text, json }

    @Option(names = "--format", paramLabel = "text|json",
            description = "text (a line per expectation, default) or json ({passed, failed, configs: [{config, "
                    + "expectations: [{expectation, actual, passed}]}]}).")
    Format format = Format.text;

    @Option(names = {"-q", "--quiet"}, description = "Print only failing expectations and the count.")
    boolean quiet;

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
                if (format == Format.text) {
                    print(out, name, verdicts, quiet);
                }
            }
        }
        if (junitXml != null) {
            JUnitXml.write(suites, junitXml);
        }
        long failed = suites.stream().flatMap(s -> s.verdicts().stream()).filter(v -> !v.passed()).count();
        long total = suites.stream().mapToLong(s -> s.verdicts().size()).sum();
        if (format == Format.json) {
            out.print(json(suites, total - failed, failed));
        } else {
            out.println((total - failed) + " passed, " + failed + " failed");
        }
        out.flush();
        return failed > 0 ? EXIT_FAILED : 0;
    }

    private static String json(List<JUnitXml.Suite> suites, long passed, long failed) {
        var root = org.clocksim.results.ResultsJson.MAPPER.createObjectNode();
        root.put("passed", passed);
        root.put("failed", failed);
        var configs = root.putArray("configs");
        for (JUnitXml.Suite suite : suites) {
            var config = configs.addObject();
            config.put("config", suite.name());
            config.set("expectations", org.clocksim.results.ResultsJson.MAPPER.valueToTree(
                    suite.verdicts().stream().map(Verdict::result).toList()));
        }
        return RunJson.text(root);
    }

    private static void print(PrintWriter out, String name, List<Verdict> verdicts, boolean quiet) {
        if (quiet && verdicts.stream().allMatch(Verdict::passed)) {
            return;
        }
        out.println(name);
        if (verdicts.isEmpty()) {
            out.println("  (no expectations)");
        }
        for (Verdict verdict : verdicts) {
            if (quiet && verdict.passed()) {
                continue;
            }
            out.printf("  %-4s  %-60s actual %s%n", verdict.passed() ? "ok" : "FAIL",
                    verdict.expectation().describe(), verdict.actual());
        }
    }
}
