package org.clocksim.hw;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * A platform timer (HPET or ACPI PM) as configured: its nominal frequency, its own rate error
 * against true time, and how long one read takes.
 */
public record PlatformTimerSpec(double frequencyHz, double driftPpm, Distribution readLatency) {
    public PlatformTimerSpec {
        Require.positiveFinite(frequencyHz, "frequencyHz");
        Require.finite(driftPpm, "driftPpm");
    }
}
