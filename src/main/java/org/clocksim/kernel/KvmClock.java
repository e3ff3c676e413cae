package org.clocksim.kernel;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.kvm.KvmHost;

/**
 * kvm-clock (arch/x86/kernel/kvmclock.c): a 64-bit clocksource counting ns (registered at NSEC_PER_SEC),
 * read from the pvclock structure of the CPU that reads it ({@link KvmHost#kernelRead}). The vDSO can read it
 * (vclock mode PVCLOCK) only while vCPU 0's structure carries PVCLOCK_TSC_STABLE_BIT; otherwise every vDSO
 * call falls back to the syscall. Its rating against tsc is {@link KernelRules#kvmClockRating}.
 */
public final class KvmClock implements Clocksource {
    private static final Distribution FREE = new Distribution.Fixed(0);
    private final KvmHost host;

    public KvmClock(KvmHost host) {
        this.host = host;
    }

    @Override
    public ClocksourceId name() {
        return ClocksourceId.KVM_CLOCK;
    }

    @Override
    public long mask() {
        return -1L;
    }

    @Override
    public long frequencyHz() {
        return TimeUnits.PS_PER_S / TimeUnits.PS_PER_NS;
    }

    @Override
    public boolean vdsoCapable() {
        return host.stable(0);
    }

    @Override
    public long read(int cpu, long timePs) {
        return host.kernelRead(cpu, timePs);
    }

    @Override
    public long readUser(int cpu, long timePs) {
        return host.userRead(cpu, timePs);
    }

    @Override
    public long readCostPs(int cpu) {
        return host.readCostPs(cpu);
    }

    @Override
    public double cyclesPerPs(int cpu) {
        return host.nsPerPs(cpu);
    }

    @Override
    public Distribution readLatency() {
        return FREE;
    }
}
