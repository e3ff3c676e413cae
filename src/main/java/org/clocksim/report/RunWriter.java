package org.clocksim.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.clocksim.observe.SourceResult;
import org.clocksim.report.chart.ChartStyle;
import org.clocksim.report.chart.RunReport;
import org.clocksim.report.out.ResultsMarker;
import java.util.List;
import org.clocksim.results.ExpectFile;
import org.clocksim.results.ExpectationResult;
import org.clocksim.results.Provenance;
import org.clocksim.results.ProvenanceFile;
import org.clocksim.run.RunResults;

/**
 * Writes a run's results directory, atomically, per the output contract. The charts and report.md
 * come last, drawn from the files just written (as {@code clocksim plot} draws them), inside the
 * same atomic write.
 */
public final class RunWriter {
    public static final String EXPERIMENT_FILE = "experiment.yaml";

    private RunWriter() {
    }

    /**
     * @param resolvedConfig the experiment as fully resolved YAML (seed and defaults filled in)
     * @param expectations   the config's expectations held against the run (expect.json; none: no file)
     * @param charts         whether to draw the charts (report.md is written either way)
     */
    public static void write(RunResults results, String resolvedConfig, List<ExpectationResult> expectations,
                             boolean charts, Path dir) throws IOException {
        ResultsDirectory.replace(dir, ResultsMarker.Kind.RUN, tmp -> {
            writeData(results, resolvedConfig, tmp);
            ExpectFile.write(expectations, tmp);
            if (charts) {
                RunReport.render(tmp);
            } else {
                RunReport.renderWithoutCharts(tmp);
            }
            writeProvenance(tmp);
        });
    }

    /**
     * The data files only, no charts (a sweep's replications: {@code clocksim plot} draws them when
     * wanted), atomically.
     */
    public static void writeWithoutCharts(RunResults results, String resolvedConfig, Path dir) throws IOException {
        ResultsDirectory.replace(dir, ResultsMarker.Kind.RUN, tmp -> writeData(results, resolvedConfig, tmp));
    }

    /** provenance.json: what produced the directory (not one of the compared outputs). */
    public static void writeProvenance(Path dir) throws IOException {
        ProvenanceFile.write(Provenance.current(ChartStyle.FONT), dir);
    }

    private static void writeData(RunResults results, String resolvedConfig, Path tmp) throws IOException {
        Files.writeString(tmp.resolve(EXPERIMENT_FILE), resolvedConfig, StandardCharsets.UTF_8);
        SummaryJson.write(results, tmp);
        BackwardEventsCsv.write(results, tmp);
        for (SourceResult source : results.sources()) {
            LatencyCsv.write(source, identity(results), results.experiment().durationPs(), tmp);
        }
        SkewCsv.write(results, tmp);
        ReadTraceCsv.write(results, tmp);
    }

    /** The run's line at the top of each of its CSVs. */
    static String identity(RunResults results) {
        return CsvFile.identity(results.experiment().name(), results.experiment().seed(), results.replication());
    }
}
