package org.clocksim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TieOrder;
import org.clocksim.experiment.Experiment;
import org.clocksim.hw.Machine;
import org.clocksim.kernel.IdleCores;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.KernelReport;
import org.clocksim.kernel.Scheduler;
import org.clocksim.observe.CrossSourceObserver;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SkewSample;
import org.clocksim.observe.SkewSampler;
import org.clocksim.observe.SourceObserver;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.Preempted;
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

    private final Simulation simulation;
    private final Machine machine;
    private final List<SourceObserver> observers = new ArrayList<>();
    private final CrossSourceObserver crossSource;
    private final Kernel kernel;

    /** A pass calling {@code sourceIds}: one source, or several that each thread calls in turn. */
    public Pass(Experiment experiment, List<SourceId> sourceIds, RandomStreams streams) {
        this(experiment, sourceIds, streams, TieOrder.FIFO);
    }

    /** The same, with simultaneous events fired in the given tie order. */
    public Pass(Experiment experiment, List<SourceId> sourceIds, RandomStreams streams, TieOrder tieOrder) {
        this(experiment, sourceIds, streams, tieOrder, UnaryOperator.identity());
    }

    /** The same, each source as {@code decorate} makes it (for tests: a source that runs no call whole). */
    Pass(Experiment experiment, List<SourceId> sourceIds, RandomStreams streams, TieOrder tieOrder,
         UnaryOperator<TimeSource> decorate) {
        simulation = new Simulation(tieOrder);
        KernelBuilder.Booted booted = KernelBuilder.boot(experiment, streams, simulation);
        machine = booted.machine();
        kernel = booted.kernel();
        WorkloadSpec spec = experiment.workload();
        Scheduler scheduler = new Scheduler(experiment.scheduler(), spec.threads(), machine.cores(), streams);
        List<TimeSource> sources = new ArrayList<>();
        for (SourceId id : sourceIds) {
            TimeSource created = TimeSources.create(id, experiment.source(id), machine, scheduler, kernel,
                    experiment::latencyOf, streams, spec.calibrationErrorPpm());
            TimeSource source = decorate.apply(booted.host() != null && booted.host().preempts()
                    ? new Preempted(created, booted.host(), scheduler) : created);
            sources.add(source);
            observers.add(new SourceObserver(source, scheduler, spec.pattern() == Pattern.LOCK_HANDOFF,
                    experiment.output().maxBackwardEvents(), streams.stream(StreamName.AGGREGATION.of(id.id())),
                    streams.stream(StreamName.BACKWARD_SAMPLE.of(id.id()))));
        }
        crossSource = sources.size() > 1 ? new CrossSourceObserver(sources, spec.threads(), kernel.tickPs()) : null;
        Workload workload = Workloads.create(spec, sources, observers, crossSource, streams,
                experiment.simulation(), scheduler);
        if (workload.threadCatchUp() != null) {
            scheduler.catchUpLocally(workload.threadCatchUp());
            kernel.scopeTicks(workload.threadCatchUp());
        } else {
            scheduler.addListener(workload);
        }
        if (!experiment.machine().tsc().invariant()) {
            scheduler.addListener(new IdleCores(machine, scheduler, experiment.kernel().tick().timekeepingCpu()));
        }
        kernel.watchThreads(scheduler);
        scheduler.start(simulation);
        simulation.addActivity(workload);
    }

    /** Simulates up to {@code timePs}; may be called again with a later time. */
    public void runUntil(long timePs) {
        simulation.run(timePs);
    }

    /** Reads completed so far, all sources. */
    public long reads() {
        long total = 0; // a loop, not a stream: the benchmarks ask after every few hundred reads
        for (SourceObserver observer : observers) {
            total += observer.reads();
        }
        return total;
    }

    /** Reads fast mode aggregated so far, all sources (the others ran exactly). */
    public long aggregatedReads() {
        return observers.stream().mapToLong(SourceObserver::aggregatedReads).sum();
    }

    /** Events fired so far. */
    public long events() {
        return simulation.eventsFired();
    }

    record Outcome(List<SourceResult> sources, List<SkewSample> skew, KernelReport kernel,
                   List<CrossSourceStats> crossSource) {
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
        return new Outcome(observers.stream().map(SourceObserver::result).toList(), skew.samples(), kernel.report(),
                crossSource == null ? List.of() : crossSource.result());
    }
}
