package org.clocksim.report.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders the charts (PNG and SVG) and report.md of a results directory from its files, in place.
 * Callers make it atomic by rendering into a temporary copy (see {@code ResultsDirectory}), having
 * read the data from the original ({@link #prepare}).
 */
public final class RunReport {
    public static final String REPORT = "report.md";

    private RunReport() {
    }

    public static void render(Path dir) throws IOException {
        prepare(dir).writeInto(dir);
    }

    /** report.md alone, saying the charts were not drawn and how to draw them ({@code run --no-charts}). */
    public static void renderWithoutCharts(Path dir) throws IOException {
        new Rendering(ResultsFiles.read(dir), Map.of(), List.of("The charts were not drawn (`clocksim run "
                + "--no-charts`); `clocksim plot` on this directory draws them.")).writeInto(dir);
    }

    /**
     * Reads the results in {@code from} and draws their charts, ready to be written: every error in
     * the data (a missing or malformed summary.json, a bad CSV row) is found here and names the
     * file in {@code from}.
     *
     * @throws org.clocksim.report.out.UnusablePathException when {@code from} holds no run's summary
     * @throws IllegalArgumentException                      when a CSV row cannot be read (file:line)
     */
    public static Rendering prepare(Path from) throws IOException {
        Results results = ResultsFiles.read(from);
        Charts.Drawn drawn = Charts.build(results);
        return new Rendering(results, drawn.charts(), drawn.notes());
    }

    /** A run's charts and report.md, drawn and ready to be written into a directory. */
    public static final class Rendering {
        private final Results results;
        private final Map<String, Chart<?, ?>> charts;
        private final List<String> notes;

        private Rendering(Results results, Map<String, Chart<?, ?>> charts, List<String> notes) {
            this.results = results;
            this.charts = charts;
            this.notes = notes;
        }

        public void writeInto(Path dir) throws IOException {
            for (Map.Entry<String, Chart<?, ?>> chart : charts.entrySet()) {
                ChartFiles.write(chart.getKey(), chart.getValue(), dir);
            }
            Files.writeString(dir.resolve(REPORT), ReportMarkdown.write(results, charts.keySet(), notes),
                    StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code fileName} is one this class renders (and a re-render replaces). */
    public static boolean isRendered(String fileName) {
        return fileName.equals(REPORT) || fileName.endsWith(".png") || fileName.endsWith(".svg");
    }
}
