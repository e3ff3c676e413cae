package org.clocksim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The progress bar's position at each phase line calibrate and its probe print. */
class CalibrationProgressTest {
    @Test
    void thePhasesAdvanceInTheOrderTheyRun() {
        List<String> lines = List.of("calibrate: building the probe (cached in /x)", "calibrate: reading the system's facts",
                "calibrate: facts and TSC frequency", "calibrate: latency of each time source",
                "calibrate: TSC warp test between CPU pairs", "calibrate: migrations",
                "calibrate: monotonicity checks (inconsistency-check, vdso_test_correctness)",
                "calibrate: simulating host.yaml", "calibrate: simulating the host's checks", "calibrate: writing /tmp/c");
        int previous = -1;
        for (String line : lines) {
            OptionalInt percent = CalibrationProgress.percentAt(line);
            assertThat(percent).as(line).isPresent();
            assertThat(percent.getAsInt()).as(line).isGreaterThan(previous).isLessThan(100);
            previous = percent.getAsInt();
        }
    }

    @Test
    void otherLinesMoveNothing() {
        assertThat(CalibrationProgress.percentAt("probe: cannot run on CPU 3 (Invalid argument)")).isEmpty();
        assertThat(CalibrationProgress.percentAt("calibrate: CPU 3 not measured: offline")).isEmpty();
    }
}
