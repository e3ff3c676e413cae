package org.clocksim.calibrate;

/** The files of a calibration directory (docs/CALIBRATE.md). */
public final class CalibrationFiles {
    /** The host as a runnable experiment. */
    public static final String HOST = "host.yaml";
    /** The facts and raw measurements. */
    public static final String JSON = "calibration.json";
    /** Measured vs simulated. */
    public static final String REPORT = "report.md";

    private CalibrationFiles() {
    }
}
