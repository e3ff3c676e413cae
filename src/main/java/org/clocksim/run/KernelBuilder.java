package org.clocksim.run;

import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.PlatformTimer;

/** Boots the experiment's kernel on its machine. */
final class KernelBuilder {
    private KernelBuilder() {
    }

    static Kernel build(Experiment experiment, Machine machine, RandomStreams streams, Simulation simulation) {
        MachineSpec spec = experiment.machine();
        PlatformTimerSpec hpet = spec.hpet();
        PlatformTimerSpec acpiPm = spec.acpiPm();
        return new Kernel(experiment.kernel(), machine,
                PlatformTimer.hpet(Math.round(hpet.frequencyHz()), hpet.driftPpm(), hpet.readLatency()),
                PlatformTimer.acpiPm(Math.round(acpiPm.frequencyHz()), acpiPm.driftPpm(), acpiPm.readLatency()),
                spec.tsc().invariant(), spec.tsc().tscAdjust(), streams, simulation);
    }
}
