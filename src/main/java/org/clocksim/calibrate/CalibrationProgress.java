package org.clocksim.calibrate;

import java.util.List;
import java.util.OptionalInt;

/**
 * How far a calibration is when it says a phase (the lines {@link Calibrator} and the probe print):
 * the share of the whole each phase starts at, as timed on the 2-vCPU development guest with the default
 * 8 s budget (14 s in all: the latency phase ends early once every source has its 200 000 calls; the
 * simulation of host.yaml and its checks is about 60 %). For a progress bar; the phase lines themselves
 * are what logs show.
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
            new Phase("TSC warp test", 10),
            new Phase("migrations", 22),
            new Phase("monotonicity checks", 25),
            new Phase("simulating " + CalibrationFiles.HOST, 42),
            new Phase("simulating the host's checks", 83),
            new Phase("writing", 95));

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
