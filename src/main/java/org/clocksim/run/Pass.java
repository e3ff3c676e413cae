package org.clocksim.run;

import java.util.List;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.KernelReport;
import org.clocksim.kernel.Scheduler;
import org.clocksim.observe.SkewSample;
import org.clocksim.observe.SkewSampler;
import org.clocksim.observe.SourceObserver;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.SourceId;
import org.clocksim.source.TimeSource;
import org.clocksim.source.TimeSources;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Workload;
import org.clocksim.workload.WorkloadSpec;
import org.clocksim.workload.Workloads;

/**
 * One simulation of the experiment's program calling one time source. Every pass builds the
 * machine and the scheduler from the same named streams, so all passes see the same offsets,
 * wander and migrations. Sampling the skew or reporting progress schedules events that change no
 * state, so they do not change what the pass observes.
 */
public final class Pass {
    private static final int PROGRESS_STEPS = 100;

    private final Simulation simulation = new Simulation();
    private final Machine machine;
    private final SourceObserver observer;
    private final Kernel kernel;

    public Pass(Experiment experiment, SourceId sourceId, RandomStreams streams) {
        machine = MachineBuilder.build(experiment.machine(), streams, simulation);
        WorkloadSpec spec = experiment.workload();
        Scheduler scheduler = new Scheduler(experiment.scheduler(), spec.threads(), machine.cores(), streams);
        kernel = KernelBuilder.build(experiment, machine, streams, simulation);
        TimeSource source = TimeSources.create(sourceId, experiment.source(sourceId), machine, scheduler, kernel,
                experiment::latencyOf, streams, spec.calibrationErrorPpm());
        observer = new SourceObserver(source, scheduler, spec.pattern() == Pattern.LOCK_HANDOFF,
                experiment.output().maxBackwardEvents());
        Workload workload = Workloads.create(spec, source, observer, streams);
        scheduler.setListener(workload);
        scheduler.start(simulation);
        simulation.addActivity(workload);
    }

    /** Simulates up to {@code timePs}; may be called again with a later time. */
    public void runUntil(long timePs) {
        simulation.run(timePs);
    }

    /** Reads completed so far. */
    public long reads() {
        return observer.reads();
    }

    record Outcome(SourceResult source, List<SkewSample> skew, KernelReport kernel) {
    }

    /** Runs the whole experiment, reporting progress; samples the skew if asked. */
    Outcome runAll(long durationPs, int skewSamples, ProgressListener progress) {
        SkewSampler skew = new SkewSampler(machine);
        if (skewSamples > 0) {
            skew.schedule(simulation, durationPs, skewSamples);
        }
        long step = Math.max(1, durationPs / PROGRESS_STEPS);
        for (long t = step; t < durationPs; t += step) {
            simulation.schedule(t, time -> progress.advanced(step));
        }
        runUntil(durationPs);
        progress.advanced(durationPs - step * ((durationPs - 1) / step));
        if (skewSamples > 0) {
            skew.sample(durationPs);
        }
        return new Outcome(observer.result(), skew.samples(), kernel.report());
    }
}
