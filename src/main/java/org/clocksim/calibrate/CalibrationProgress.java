package org.clocksim.calibrate;

import java.util.List;
import java.util.OptionalInt;

/**
 * How far a calibration is when it says a phase (the lines {@link Calibrator} and the probe print):
 * the share of the whole each phase starts at, from the probe's budget shares (latency 45 %, warp test
 * 20 %, migrations 10 %, checks 25 %; probe.c) with the probe about three quarters of the time and the
 * simulation of host.yaml and its checks the rest. For a progress bar; the phase lines themselves are
 * what logs show.
 */
public final class CalibrationProgress {
    /** A phase: the start of its line (after "calibrate: ") and the percentage done when it begins. */
    private record Phase(String start, int percent) {
    }

    private static final String PREFIX = "calibrate: ";
    private static final List<Phase> PHASES = List.of(
            new Phase("building the probe", 0),
            new Phase("reading the system's facts", 1),
            new Phase("facts and TSC frequency", 2),
            new Phase("latency of each time source", 3),
            new Phase("TSC warp test", 37),
            new Phase("migrations", 52),
            new Phase("monotonicity checks", 60),
            new Phase("simulating " + CalibrationFiles.HOST, 79),
            new Phase("simulating the host's checks", 88),
            new Phase("writing", 97));

    private CalibrationProgress() {
    }

    /** The percentage done when {@code line} is printed, or empty for a line that starts no phase. */
    public static OptionalInt percentAt(String line) {
        if (!line.startsWith(PREFIX)) {
            return OptionalInt.empty();
        }
        String phase = line.substring(PREFIX.length());
        return PHASES.stream().filter(p -> phase.startsWith(p.start())).mapToInt(Phase::percent).findFirst();
    }
}
