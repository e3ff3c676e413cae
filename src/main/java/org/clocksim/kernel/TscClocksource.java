package org.clocksim.kernel;

import org.clocksim.engine.Distribution;
import org.clocksim.hw.Machine;

/**
 * The TSC as a clocksource: read on the CPU that reads it, so a CPU whose counter is offset gives
 * an offset reading (arch/x86/kernel/tsc.c, KERNEL-FACTS.md §2). Rating 300, 64 bits,
 * vDSO-capable. Its read costs nothing beyond the call: the measured call latencies include it.
 */
public final class TscClocksource implements Clocksource {
    private static final Distribution FREE = new Distribution.Fixed(0);
    private final Machine machine;
    private final long frequencyHz;

    public TscClocksource(Machine machine) {
        this.machine = machine;
        this.frequencyHz = Math.round(machine.nominalHz());
    }

    @Override
    public ClocksourceId name() {
        return ClocksourceId.TSC;
    }


    @Override
    public long mask() {
        return -1L;
    }

    @Override
    public long frequencyHz() {
        return frequencyHz;
    }

    @Override
    public boolean vdsoCapable() {
        return true;
    }

    @Override
    public long read(int cpu, long timePs) {
        return machine.readTsc(cpu, timePs);
    }

    @Override
    public double cyclesPerPs(int cpu) {
        return machine.counter(cpu).cyclesPerPs();
    }

    @Override
    public Distribution readLatency() {
        return FREE;
    }
}
