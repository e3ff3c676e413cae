package org.clocksim.hw;

import java.util.Objects;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * A platform timer (HPET or ACPI PM) as configured: its nominal frequency, its own rate error
 * against true time, how long one read takes, and which reads return late.
 */
public record PlatformTimerSpec(double frequencyHz, double driftPpm, Distribution readLatency, ReturnDelay returnDelay) {
    public PlatformTimerSpec {
        Require.positiveFinite(frequencyHz, "frequencyHz");
        Require.finite(driftPpm, "driftPpm");
        Objects.requireNonNull(returnDelay, "returnDelay");
    }
}
