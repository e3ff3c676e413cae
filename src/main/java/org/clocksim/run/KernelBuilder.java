package org.clocksim.run;

import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.experiment.Experiment;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.PlatformTimer;

/**
 * Builds the experiment's machine and boots its kernel on it: the one wiring path, used by every pass
 * and by the tests that need a machine and a kernel without a workload.
 */
public final class KernelBuilder {
    private KernelBuilder() {
    }

    /** A machine and the kernel booted on it. */
    public record Booted(Machine machine, Kernel kernel) {
    }

    public static Booted boot(Experiment experiment, RandomStreams streams, Simulation simulation) {
        Machine machine = MachineBuilder.build(experiment.machine(), streams, simulation);
        return new Booted(machine, build(experiment, machine, streams, simulation));
    }

    private static Kernel build(Experiment experiment, Machine machine, RandomStreams streams, Simulation simulation) {
        MachineSpec spec = experiment.machine();
        PlatformTimerSpec hpet = spec.hpet();
        PlatformTimerSpec acpiPm = spec.acpiPm();
        return new Kernel(experiment.kernel(), machine,
                PlatformTimer.hpet(Math.round(hpet.frequencyHz()), hpet.driftPpm(), hpet.readLatency(),
                        hpet.returnDelay()),
                PlatformTimer.acpiPm(Math.round(acpiPm.frequencyHz()), acpiPm.driftPpm(), acpiPm.readLatency(),
                        acpiPm.returnDelay()),
                spec.tsc().invariant(), spec.tsc().tscAdjust(), streams, simulation);
    }
}
