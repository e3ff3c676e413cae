package org.clocksim.kernel;

import org.clocksim.engine.Distribution;

/**
 * A clocksource for timekeeper tests whose value the test sets: the timekeeper reads it only once,
 * when it starts or switches to it; everything else is passed in as counter values.
 */
final class FakeCounter implements Clocksource {
    private final ClocksourceId name;
    private final long mask;
    private final long frequencyHz;
    private final boolean vdsoCapable;
    long value;

    FakeCounter(ClocksourceId name, long mask, long frequencyHz, boolean vdsoCapable, long value) {
        this.name = name;
        this.mask = mask;
        this.frequencyHz = frequencyHz;
        this.vdsoCapable = vdsoCapable;
        this.value = value;
    }

    static FakeCounter tsc(long frequencyHz, long value) {
        return new FakeCounter(ClocksourceId.TSC, -1L, frequencyHz, true, value);
    }

    @Override
    public ClocksourceId name() {
        return name;
    }


    @Override
    public long mask() {
        return mask;
    }

    @Override
    public long frequencyHz() {
        return frequencyHz;
    }

    @Override
    public boolean vdsoCapable() {
        return vdsoCapable;
    }

    @Override
    public long read(int cpu, long timePs) {
        return value & mask;
    }

    /** It does not count by itself: the test moves it. */
    @Override
    public double cyclesPerPs(int cpu) {
        return 0;
    }

    @Override
    public Distribution readLatency() {
        return new Distribution.Fixed(0);
    }
}
