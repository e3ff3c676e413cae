package org.clocksim.source;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.hw.Machine;
import org.clocksim.kernel.Scheduler;
import org.clocksim.engine.StreamName;

/**
 * {@code rdtsc} and {@code rdtscp}: one instruction reading the counter of the core the thread is
 * on (KERNEL-FACTS.md §1, arch/x86/include/asm/tsc.h). The counter is sampled halfway through the
 * instruction's latency. {@code rdtscp} also returns IA32_TSC_AUX, which Linux loads with the cpu
 * number, read in the same instruction as the counter. The program converts cycles to ns with its
 * own calibrated frequency, which may be off by {@code calibrationErrorPpm}.
 */
public final class CounterInstruction implements TimeSource, WholeCall {
    private static final int SAMPLE = 0;
    private static final int FINISH = 1;

    private final SourceId id;
    private final Machine machine;
    private final Scheduler scheduler;
    private final Distribution latency;
    private final RandomStreams streams;
    private final double nsPerCycle;
    private final SteadyCall steady;

    public CounterInstruction(SourceId id, Machine machine, Scheduler scheduler, Distribution latency,
                              RandomStreams streams, double calibrationErrorPpm) {
        if (id != SourceId.RDTSC && id != SourceId.RDTSCP) {
            throw new IllegalArgumentException(id + " is not a counter instruction");
        }
        this.id = id;
        this.machine = machine;
        this.scheduler = scheduler;
        this.latency = latency;
        this.streams = streams;
        this.nsPerCycle = 1e9 / (machine.nominalHz() * (1 + calibrationErrorPpm * 1e-6));
        this.steady = new SteadyCall(latency, 1);
    }

    @Override
    public SourceId id() {
        return id;
    }

    @Override
    public double nsPerUnit() {
        return nsPerCycle;
    }

    @Override
    public Timeline timeline() {
        return Timeline.TSC;
    }

    @Override
    public double sinceEpochNs(long value) {
        return value * nsPerCycle;
    }

    /** One instruction, one latency draw: every call is steady. */
    @Override
    public SteadyCall steadyCall(Read last) {
        return steady;
    }

    @Override
    public Read open(int thread) {
        return new Read(thread, streams.stream(StreamName.LATENCY.of(id.id(), thread)));
    }

    @Override
    public long begin(Read read, long startPs) {
        return begin(read, startPs, drawLatencyPs(read));
    }

    /** Every call: the instruction has one step and reads the core's counter, a function of time between events. */
    @Override
    public WholeCall wholeCall(Read last) {
        return this;
    }

    @Override
    public long drawLatencyPs(Read read) {
        return latency.sample(read.latencyRandom);
    }

    @Override
    public long samplePs(long startPs, long latencyPs) {
        return startPs + latencyPs / 2;
    }

    @Override
    public long endPs(long startPs, long latencyPs) {
        return startPs + latencyPs;
    }

    @Override
    public long valueAt(int core, long samplePs) {
        return machine.readTsc(core, samplePs);
    }

    @Override
    public long begin(Read read, long startPs, long latencyPs) {
        long sampleAtPs = samplePs(startPs, latencyPs);
        read.start(startPs);
        read.phase = SAMPLE;
        read.remainingPs = endPs(startPs, latencyPs) - sampleAtPs;
        return sampleAtPs;
    }

    @Override
    public long step(Read read, long nowPs) {
        if (read.phase == SAMPLE) {
            int core = scheduler.coreOf(read.thread);
            read.samplePs = nowPs;
            read.core = core;
            read.migrationsAtSample = scheduler.migrations(read.thread);
            read.value = valueAt(core, nowPs);
            read.reportedCpu = id == SourceId.RDTSCP ? core : Read.NO_CPU;
            read.tscWritesAtSample = machine.tscWrites();
            read.phase = FINISH;
            return nowPs + read.remainingPs;
        }
        read.endPs = nowPs;
        read.coreAtEnd = scheduler.coreOf(read.thread);
        return Read.DONE;
    }
}
