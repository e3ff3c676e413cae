package org.clocksim.report.chart;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Renders the charts (PNG and SVG) and report.md of a results directory from its files, in place.
 * Callers make it atomic by rendering into a temporary copy (see {@code ResultsDirectory}).
 */
public final class RunReport {
    public static final String REPORT = "report.md";

    private RunReport() {
    }

    public static void render(Path dir) throws IOException {
        Results results = ResultsFiles.read(dir);
        Map<String, Chart<?, ?>> charts = Charts.build(results);
        for (Map.Entry<String, Chart<?, ?>> chart : charts.entrySet()) {
            ChartFiles.write(chart.getKey(), chart.getValue(), dir);
        }
        Files.writeString(dir.resolve(REPORT), ReportMarkdown.write(results, charts.keySet()), StandardCharsets.UTF_8);
    }

    /** Whether {@code fileName} is one this class renders (and a re-render replaces). */
    public static boolean isRendered(String fileName) {
        return fileName.equals(REPORT) || fileName.endsWith(".png") || fileName.endsWith(".svg");
    }
}
