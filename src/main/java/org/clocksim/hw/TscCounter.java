package org.clocksim.hw;

/**
 * One core's time stamp counter: an affine function of true time between re-anchorings,
 * {@code cycles(t) = anchorCycles + (t - anchorPs) * cyclesPerPs}. Reading is arithmetic, never an
 * event (DESIGN.md principle 2); a rate change re-anchors at the change so the counter stays
 * continuous, like a real TSC whose oscillator drifts.
 */
public final class TscCounter {
    private long anchorPs;
    private double anchorCycles;
    private double cyclesPerPs;

    public TscCounter(double initialCycles, double cyclesPerPs) {
        this.anchorPs = 0;
        this.anchorCycles = initialCycles;
        this.cyclesPerPs = cyclesPerPs;
    }

    /** The counter value at true time {@code timePs} (at or after the last re-anchoring). */
    public long read(long timePs) {
        return (long) Math.floor(exactAt(timePs));
    }

    /** The counter's real-valued position, used to re-anchor without accumulating rounding. */
    double exactAt(long timePs) {
        return anchorCycles + (timePs - anchorPs) * cyclesPerPs;
    }

    /** Changes the rate from {@code timePs} on, keeping the counter continuous. */
    public void setRate(long timePs, double newCyclesPerPs) {
        anchorCycles = exactAt(timePs);
        anchorPs = timePs;
        cyclesPerPs = newCyclesPerPs;
    }

    /**
     * A write of the counter (or of IA32_TSC_ADJUST, which RDTSC adds to the real counter:
     * KERNEL-FACTS.md §1): from now on it reads {@code cycles} more.
     */
    public void adjust(double cycles) {
        anchorCycles += cycles;
    }

    public double cyclesPerPs() {
        return cyclesPerPs;
    }
}
