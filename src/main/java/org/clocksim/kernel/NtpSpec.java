package org.clocksim.kernel;

import java.util.List;

/**
 * The NTP frequency correction over the run (adjtimex ADJ_FREQUENCY), |ppm| ≤ 500.
 *
 * @param frequencyPpm the correction at boot
 * @param flipEveryPs  if > 0, the sign of the correction flips at this period (the kernel's
 *                     skew_consistency test flips ±500 ppm every 0.5 s: KERNEL-FACTS.md §5)
 * @param changes      scripted changes at given times
 */
public record NtpSpec(double frequencyPpm, long flipEveryPs, List<Change> changes) {
    public static final double MAX_PPM = 500;

    public NtpSpec {
        changes = List.copyOf(changes);
    }

    public static NtpSpec none() {
        return new NtpSpec(0, 0, List.of());
    }

    /** The correction becomes {@code frequencyPpm} at {@code atPs}. */
    public record Change(long atPs, double frequencyPpm) {
    }
}
