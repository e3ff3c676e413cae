package org.clocksim.source;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clocksim.TestSpecs;
import org.clocksim.engine.Activity;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.Scheduler;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.KernelBuilder;

/**
 * One thread pinned to core 0 calling one kernel-backed source at start times the test chooses,
 * on a machine and kernel booted from a config (by run/KernelBuilder, as every pass boots them).
 * Every call's latency is fixed, so each step's time is known.
 */
final class KernelReadRig implements Activity {
    static final long NS = 1_000;
    static final long US = 1_000_000;
    static final long MS = 1_000_000_000;

    /** What one call returned, and the clock as freshly read at its sample time. */
    record Result(long startPs, long endPs, long samplePs, int retries, long value, long freshValue,
                  long coarseAtSample, long counterAtSample, long cycleLastAtSample) {
        long latencyPs() {
            return endPs - startPs;
        }
    }

    final Experiment experiment;
    final Simulation simulation = new Simulation();
    final Machine machine;
    final Kernel kernel;
    final TimeSource source;
    private final ClockId clock;
    private final long unitNs;
    private final Read read;
    private final List<Long> starts = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    private int nextStart;
    private long nextPs = -1;
    private long fresh;
    private long coarse;
    private long counter;
    private long cycleLast;

    KernelReadRig(String yaml, SourceId id, ClockId clock, Map<SourceId, Long> latencyPs) {
        experiment = TestSpecs.load(yaml);
        RandomStreams streams = new RandomStreams(experiment.seed(), 0);
        KernelBuilder.Booted booted = KernelBuilder.boot(experiment, streams, simulation);
        machine = booted.machine();
        kernel = booted.kernel();
        Scheduler scheduler = new Scheduler(new SchedulerSpec(List.of(0), new MigrationSpec(MigrationPolicy.NONE, 0, 0,
                List.of(), new Distribution.Fixed(5 * US))), 1, machine.cores(), streams);
        Map<SourceId, Distribution> latencies = new EnumMap<>(SourceId.class);
        latencyPs.forEach((source, ps) -> latencies.put(source, new Distribution.Fixed(ps)));
        source = TimeSources.create(id, new SourceSpec(latencies.get(id), clock), machine, scheduler, kernel,
                latencies::get, streams, 0);
        this.clock = id == SourceId.VDSO_CLOCK_GETTIME_COARSE ? clock.coarseVariant() : clock;
        this.unitNs = (long) source.nsPerUnit();
        read = source.open(0);
        simulation.addActivity(this);
    }

    /** Calls start at these times (each after the previous call returned), in order. */
    KernelReadRig callsAt(List<Long> startPs) {
        starts.addAll(startPs);
        return this;
    }

    void run(long untilPs) {
        simulation.run(untilPs);
    }

    /** The thread's call: begin at the next start, then each step when its time comes. */
    @Override
    public void advanceTo(long limitPs) {
        while (true) {
            if (nextPs < 0) {
                if (nextStart == starts.size() || starts.get(nextStart) >= limitPs) {
                    return;
                }
                long start = starts.get(nextStart++);
                nextPs = source.begin(read, Math.max(start, results.isEmpty() ? 0 : results.get(results.size() - 1)
                        .endPs()));
                continue;
            }
            if (nextPs >= limitPs) {
                return;
            }
            long now = nextPs;
            long sampleBefore = read.samplePs();
            nextPs = source.step(read, now);
            if (read.samplePs() == now && sampleBefore != now) {
                // what the clock says now on this core, from the kernel's state as it is now
                var tk = kernel.timekeeper();
                long cycles = clock.coarse() ? 0 : tk.clocksource().read(read.core(), now);
                fresh = Math.floorDiv(tk.readNs(clock, cycles), unitNs);
                coarse = Math.floorDiv(tk.readNs(clock.coarseVariant(), 0), unitNs);
                counter = tk.clocksource().read(read.core(), now);
                cycleLast = tk.cycleLast();
            }
            if (nextPs == Read.DONE) {
                results.add(new Result(read.startPs(), read.endPs(), read.samplePs(), read.retries(), read.value(),
                        fresh, coarse, counter, cycleLast));
                nextPs = -1;
            }
        }
    }
}
