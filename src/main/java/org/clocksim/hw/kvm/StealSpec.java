package org.clocksim.hw.kvm;

import org.clocksim.engine.Distribution;

/**
 * How often the host deschedules a vCPU and for how long (steal time): Poisson arrivals per vCPU, each
 * interval drawn from {@code duration}. A read in progress on a descheduled vCPU waits for it to run again.
 *
 * @param ratePerSecond intervals per second per vCPU (0: none)
 * @param duration      how long the vCPU is off its host CPU
 */
public record StealSpec(double ratePerSecond, Distribution duration) {
    public static final StealSpec NONE = new StealSpec(0, new Distribution.Fixed(0));

    public StealSpec {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be finite and >= 0: " + ratePerSecond);
        }
    }
}
