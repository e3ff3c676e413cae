package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.chart.RunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clocksim plot RESULTS_DIR}: re-render the charts and report.md from the directory's files. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Re-render the charts (PNG, SVG) and report.md of a results directory from its CSV and JSON "
                + "files, without running the simulation again. Atomic, like run.")
final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "A directory written by clocksim run.")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        ResultsDirectory.update(dir, file -> !RunReport.isRendered(file), RunReport::render);
        PrintWriter out = spec.commandLine().getOut();
        out.println("plotted: " + dir.resolve(RunReport.REPORT));
        out.flush();
        return 0;
    }
}
