package org.clocksim.sweep;

import java.io.IOException;
import java.nio.file.Path;

/** The sweep's charts and report, drawn from sweep.json (added when the chart package lands). */
final class SweepOutputs {
    private SweepOutputs() {
    }

    static void render(Path dir) throws IOException {
        // the sweep charts and report.md are rendered here
    }
}
