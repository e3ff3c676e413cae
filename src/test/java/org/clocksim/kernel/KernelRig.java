package org.clocksim.kernel;

import org.clocksim.TestSpecs;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.KernelBuilder;

/** A machine and its kernel booted from a config (every default from the config reader), without a workload. */
final class KernelRig {
    static final long US = 1_000_000L;
    static final long MS = 1_000_000_000L;
    static final long S = 1_000_000_000_000L;

    final Experiment experiment;
    final Simulation simulation = new Simulation();
    final Machine machine;
    final Kernel kernel;

    KernelRig(String yaml) {
        this(TestSpecs.load(yaml));
    }

    KernelRig(Experiment experiment) {
        this.experiment = experiment;
        KernelBuilder.Booted booted = KernelBuilder.boot(experiment, new RandomStreams(experiment.seed(), 0), simulation);
        machine = booted.machine();
        kernel = booted.kernel();
    }

    KernelReport run(long untilPs) {
        simulation.run(untilPs);
        return kernel.report();
    }

    /** The clock as the timekeeping CPU reads it at {@code timePs}, with the current clocksource. */
    long readOnTimekeeper(ClockId clock, long timePs) {
        Timekeeper tk = kernel.timekeeper();
        int cpu = experiment.kernel().tick().timekeepingCpu();
        return tk.readNs(clock, tk.clocksource().read(cpu, timePs));
    }
}
