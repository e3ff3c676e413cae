package org.clocksim.calibrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.chart.ChartFiles;
import org.clocksim.report.out.ResultsMarker;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a calibration directory atomically (host.yaml, calibration.json, report.md and its charts): through the
 * project's results-directory machinery, so an interrupted calibrate leaves no half-written directory
 * and a directory clocksim did not write is never replaced. Callers hold the target's OutputClaim.
 */
public final class CalibrationWriter {
    private CalibrationWriter() {
    }

    public static void write(Calibration calibration, Path dir) throws IOException {
        ResultsDirectory.replace(dir, ResultsMarker.Kind.CALIBRATION, tmp -> {
            Files.writeString(tmp.resolve(CalibrationFiles.HOST), calibration.hostYaml(), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(CalibrationFiles.JSON), CalibrationJson.render(calibration), StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve(CalibrationFiles.REPORT), CalibrationReport.render(calibration), StandardCharsets.UTF_8);
            for (Map.Entry<String, Chart<?, ?>> chart : CalibrationCharts.build(calibration).entrySet()) {
                ChartFiles.write(chart.getKey(), chart.getValue(), tmp);
            }
        });
    }
}
