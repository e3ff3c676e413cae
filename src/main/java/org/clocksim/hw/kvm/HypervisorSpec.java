package org.clocksim.hw.kvm;

import java.util.List;
import java.util.Objects;
import org.clocksim.engine.Require;

/**
 * The hypervisor the machine runs on, as configured. With {@link HypervisorKind#KVM} the machine's cores are
 * vCPUs: each vCPU's TSC is the host's TSC times a scaling ratio plus an offset (VMX/SVM TSC offsetting and
 * scaling, arch/x86/kvm/x86.c kvm_read_l1_tsc()), the host deschedules vCPUs (steal), writes each vCPU's
 * pvclock structure, and may migrate the VM.
 *
 * @param hostCpus   host CPUs the vCPUs run on; a vCPU resumes after a steal on one of them at random
 * @param hostTscOffsets each host CPU's TSC offset from host CPU 0's, as a time at the nominal frequency (empty: 0)
 * @param tscOffsets each vCPU's TSC offset from the host's, as a time at the nominal frequency (empty: 0 for every vCPU)
 * @param tscScaling each vCPU's TSC scaling ratio against the advertised frequency (empty: 1 for every vCPU)
 * @param migrations live migrations of the VM, in time order
 */
public record HypervisorSpec(HypervisorKind kind, int hostCpus, List<Long> hostTscOffsets, List<Long> tscOffsets,
                             List<Double> tscScaling,
                             StealSpec steal, PvclockSpec pvclock, List<LiveMigration> migrations) {
    /** Bare metal. */
    public static final HypervisorSpec NONE = new HypervisorSpec(HypervisorKind.NONE, 1, List.of(), List.of(), List.of(),
            StealSpec.NONE, new PvclockSpec(false, true, true, true, 0, 0, 0), List.of());

    public HypervisorSpec {
        Objects.requireNonNull(kind, "kind");
        Require.positive(hostCpus, "hostCpus");
        Objects.requireNonNull(steal, "steal");
        Objects.requireNonNull(pvclock, "pvclock");
        hostTscOffsets = List.copyOf(hostTscOffsets);
        tscOffsets = List.copyOf(tscOffsets);
        tscScaling = List.copyOf(tscScaling);
        migrations = List.copyOf(migrations);
    }

    public boolean kvm() {
        return kind == HypervisorKind.KVM;
    }

    /** Whether the guest has kvm-clock to keep time with. */
    public boolean kvmClock() {
        return kvm() && pvclock.exposed();
    }

    /** vCPU {@code vcpu}'s TSC offset from the host's, in ps at the nominal frequency. */
    public long tscOffsetPs(int vcpu) {
        return tscOffsets.isEmpty() ? 0 : tscOffsets.get(vcpu);
    }

    /** Host CPU {@code cpu}'s TSC offset from host CPU 0's, in ps at the nominal frequency. */
    public long hostTscOffsetPs(int cpu) {
        return hostTscOffsets.isEmpty() ? 0 : hostTscOffsets.get(cpu);
    }

    /** vCPU {@code vcpu}'s scaling ratio. */
    public double tscScaling(int vcpu) {
        return tscScaling.isEmpty() ? 1.0 : tscScaling.get(vcpu);
    }

    /**
     * Whether every vCPU's TSC matches (same offset, same frequency): KVM uses its master clock only then
     * (b48aa97e3820 "KVM: x86: require matched TSC offsets for master clock"; kvm_track_tsc_matching()).
     */
    public boolean tscsMatched(int vcpus) {
        for (int v = 1; v < vcpus; v++) {
            if (tscOffsetPs(v) != tscOffsetPs(0) || tscScaling(v) != tscScaling(0)) {
                return false;
            }
        }
        return true;
    }
}
