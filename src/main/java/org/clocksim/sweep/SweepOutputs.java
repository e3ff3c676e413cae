package org.clocksim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import org.clocksim.report.sweep.SweepCharts;
import org.clocksim.report.sweep.SweepReport;

/** The sweep's charts and report.md, drawn from its sweep.json. */
final class SweepOutputs {
    private SweepOutputs() {
    }

    static void render(Path dir) throws IOException {
        SweepCharts.render(dir);
        SweepReport.render(dir);
    }
}
