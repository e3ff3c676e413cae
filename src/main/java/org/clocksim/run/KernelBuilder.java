package org.clocksim.run;

import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.experiment.Experiment;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.hw.kvm.KvmHost;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.KvmClock;
import org.clocksim.kernel.PlatformTimer;

/**
 * Builds the experiment's machine and boots its kernel on it: the one wiring path, used by every pass
 * and by the tests that need a machine and a kernel without a workload.
 */
public final class KernelBuilder {
    private KernelBuilder() {
    }

    /** A machine, the KVM host under it (or null on bare metal) and the kernel booted on it. */
    public record Booted(Machine machine, KvmHost host, Kernel kernel) {
    }

    public static Booted boot(Experiment experiment, RandomStreams streams, Simulation simulation) {
        Machine machine = MachineBuilder.build(experiment.machine(), streams, simulation);
        HypervisorSpec hypervisor = experiment.machine().hypervisor();
        KvmHost host = hypervisor.kvm() ? new KvmHost(hypervisor, machine, streams, simulation) : null;
        return new Booted(machine, host, build(experiment, machine, host, streams, simulation));
    }

    private static Kernel build(Experiment experiment, Machine machine, KvmHost host, RandomStreams streams,
                                Simulation simulation) {
        MachineSpec spec = experiment.machine();
        PlatformTimerSpec hpet = spec.hpet();
        PlatformTimerSpec acpiPm = spec.acpiPm();
        return new Kernel(experiment.kernel(), machine,
                PlatformTimer.hpet(Math.round(hpet.frequencyHz()), hpet.driftPpm(), hpet.readLatency(),
                        hpet.returnDelay()),
                PlatformTimer.acpiPm(Math.round(acpiPm.frequencyHz()), acpiPm.driftPpm(), acpiPm.readLatency(),
                        acpiPm.returnDelay()),
                host != null && spec.hypervisor().kvmClock() ? new KvmClock(host) : null, spec.tsc().invariant(),
                spec.tsc().tscAdjust(), streams, simulation);
    }
}
