package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.chart.RunReport;
import org.clocksim.report.out.IoMessages;
import org.clocksim.report.out.OutputClaim;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.report.out.ResultsTarget;
import org.clocksim.report.out.UnusablePathException;
import org.clocksim.results.ResultsFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clocksim plot RESULTS_DIR}: re-render the charts and report.md from the directory's files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Re-render the charts (PNG, SVG) and report.md of a results directory from its CSV and JSON "
                + "files, without running the simulation again. Atomic, like run; every other file and "
                + "sub-directory in it is kept.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A directory written by clocksim run.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        RunReport.Rendering rendering;
        try {
            ResultsTarget target = ResultsTarget.of(dir);
            if (target.checkMarked() != ResultsMarker.Kind.RUN) {
                throw new UnusablePathException(dir + " holds a sweep's results; plot draws a run's (a sweep's "
                        + "point-NNN/rep-K, say)");
            }
            rendering = RunReport.prepare(dir);
        } catch (UnusablePathException | ResultsFormatException | IllegalArgumentException e) {
            err.println("clocksim plot: " + e.getMessage());
            return Main.EXIT_BAD_CONFIG;
        } catch (UncheckedIOException e) {
            err.println("clocksim plot: cannot read " + IoMessages.describe(e));
            return Main.EXIT_BAD_CONFIG;
        }
        try (OutputClaim claim = OutputClaim.acquire(dir, err::println)) {
            ResultsDirectory.update(dir, RunReport::isRendered, rendering::writeInto);
        } catch (UnusablePathException e) {
            err.println("clocksim plot: " + e.getMessage());
            return Main.EXIT_BAD_CONFIG;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("plotted: " + dir.resolve(RunReport.REPORT));
        out.flush();
        return 0;
    }
}
