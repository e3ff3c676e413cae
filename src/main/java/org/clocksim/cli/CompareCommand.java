package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clocksim.report.compare.Comparer;
import org.clocksim.report.compare.Comparison;
import org.clocksim.report.compare.ComparisonReport;
import org.clocksim.report.compare.ComparisonText;
import org.clocksim.report.out.OutputClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clocksim compare A B}: two runs' or two sweeps' results side by side. Exit 0 when no metric
 * differs beyond the threshold, 1 when one does, 2 when a directory is not results or the two are of
 * different kinds.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two results directories (two runs or two sweeps) metric by metric: A, B, B − A, "
                + "relative difference and, for sweeps, whether the replications' confidence intervals overlap. "
                + "Exit 0 if no metric differs by more than the threshold, 1 if one does, 2 on bad input.",
        footer = {"", "Examples:",
                "  clocksim compare results/quickstart /tmp/quickstart-new",
                "  clocksim compare --threshold 1%% --format json old/skew-vs-migration results/skew-vs-migration",
                "  clocksim compare results/quickstart /tmp/quickstart-new --out /tmp/quickstart-diff",
                "", "A sweep's metric differs when its relative difference is above the threshold and the two "
                + "intervals do not overlap; a run's (one replication, no interval) when the difference is above "
                + "the threshold."})
final class CompareCommand implements Callable<Integer> {
    static final int EXIT_DIFFERS = 1;

    enum Format { text, json }

    @Parameters(index = "0", paramLabel = "A", description = "The baseline results directory.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The results directory compared with it.")
    Path b;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5%",
            description = "Relative difference above which a metric differs: 5%% (default), 0.5%%, 0 (any).")
    String threshold;

    @Option(names = "--format", paramLabel = "text|json", description = "Output: text (default) or json.")
    Format format = Format.text;

    @Option(names = "--all", description = "List identical metrics too (text format).")
    boolean all;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write a report there: report.md (what "
            + "differs, then charts overlaying the two runs' latency distributions and backward steps), "
            + "comparison.json and the charts. Replaced only if clocksim wrote it (docs/RESULTS.md).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Double limit = parseThreshold(threshold);
        if (limit == null) {
            err.println("--threshold: expected a percentage >= 0 (5%, 0.5%) or 0, got '" + threshold + "'");
            return Main.EXIT_BAD_CONFIG;
        }
        if (out != null && (contains(out, a) || contains(out, b))) {
            err.println("--out " + out + ": would replace the results it compares; give another directory");
            return Main.EXIT_BAD_CONFIG;
        }
        Comparison comparison = Comparer.compare(a, b);
        if (out != null) {
            try (OutputClaim claim = OutputClaim.acquire(out, err::println)) {
                ComparisonReport.write(comparison, a, b, limit, out);
            }
            err.println("compare: wrote " + out.resolve(ComparisonReport.REPORT));
        }
        stdout.print(format == Format.json ? ComparisonText.json(comparison, limit)
                : ComparisonText.table(comparison, limit, all));
        stdout.flush();
        return comparison.differing(limit).isEmpty() ? 0 : EXIT_DIFFERS;
    }

    /** Whether writing {@code target} would replace {@code results} (it is that directory or holds it). */
    private static boolean contains(Path target, Path results) {
        return results.toAbsolutePath().normalize().startsWith(target.toAbsolutePath().normalize());
    }

    /** "5%" → 0.05, "0" → 0; null when not a percentage >= 0. */
    static Double parseThreshold(String text) {
        String number = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
        if (!number.matches("\\d+(\\.\\d+)?") || !text.endsWith("%") && Double.parseDouble(number) != 0) {
            return null;
        }
        return Double.parseDouble(number) / 100;
    }
}
