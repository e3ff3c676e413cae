package org.clocksim.kernel;

import org.clocksim.TestSpecs;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.run.Experiment;

/**
 * A machine and its kernel booted from a config (every default from the config reader), without
 * a workload, assembled the way run/Pass and run/KernelBuilder do it.
 */
final class KernelRig {
    static final long US = 1_000_000L;
    static final long MS = 1_000_000_000L;
    static final long S = 1_000_000_000_000L;

    final Experiment experiment;
    final Simulation simulation = new Simulation();
    final Machine machine;
    final PlatformTimer hpet;
    final PlatformTimer acpiPm;
    final Kernel kernel;

    KernelRig(String yaml) {
        this(TestSpecs.load(yaml));
    }

    KernelRig(Experiment experiment) {
        this.experiment = experiment;
        RandomStreams streams = new RandomStreams(experiment.seed(), 0);
        machine = MachineBuilder.build(experiment.machine(), streams, simulation);
        MachineSpec spec = experiment.machine();
        hpet = timer(PlatformTimer.HPET, spec.hpet());
        acpiPm = timer(PlatformTimer.ACPI_PM, spec.acpiPm());
        kernel = new Kernel(experiment.kernel(), machine, hpet, acpiPm, spec.tsc().invariant(), spec.tsc().tscAdjust(),
                streams, simulation);
    }

    private static PlatformTimer timer(String name, PlatformTimerSpec spec) {
        long hz = Math.round(spec.frequencyHz());
        return name.equals(PlatformTimer.HPET) ? PlatformTimer.hpet(hz, spec.driftPpm(), spec.readLatency())
                : PlatformTimer.acpiPm(hz, spec.driftPpm(), spec.readLatency());
    }

    KernelReport run(long untilPs) {
        simulation.run(untilPs);
        return kernel.report();
    }

    /** The clock as the timekeeping CPU reads it at {@code timePs}, with the current clocksource. */
    long readOnTimekeeper(ClockId clock, long timePs) {
        Timekeeper tk = kernel.timekeeper();
        int cpu = experiment.kernel().timekeepingCpu();
        return tk.readNs(clock, tk.clocksource().read(cpu, timePs));
    }
}
