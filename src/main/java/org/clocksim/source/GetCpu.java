package org.clocksim.source;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.kernel.Scheduler;
import org.clocksim.engine.StreamName;

/**
 * getcpu(): the cpu the thread was on when the call looked (vDSO or vsyscall page +0x800, which
 * read it from TSC_AUX or the per-CPU segment limit). By the time the call returns the thread may
 * have moved: the answer is already stale (KERNEL-FACTS.md §5: getcpu must agree after pinning).
 */
public final class GetCpu implements TimeSource {
    private static final int SAMPLE = 0;
    private static final int FINISH = 1;

    private final Scheduler scheduler;
    private final Distribution latency;
    private final RandomStreams streams;

    public GetCpu(Scheduler scheduler, Distribution latency, RandomStreams streams) {
        this.scheduler = scheduler;
        this.latency = latency;
        this.streams = streams;
    }

    @Override
    public SourceId id() {
        return SourceId.GETCPU;
    }

    @Override
    public double nsPerUnit() {
        return 0;
    }

    @Override
    public double sinceEpochNs(long value) {
        return 0;
    }

    @Override
    public Timeline timeline() {
        return Timeline.CPU;
    }

    @Override
    public boolean readsTime() {
        return false;
    }

    @Override
    public Read open(int thread) {
        return new Read(thread, streams.stream(StreamName.LATENCY.of(SourceId.GETCPU.id(), thread)));
    }

    @Override
    public long begin(Read read, long startPs) {
        read.start(startPs);
        long latencyPs = latency.sample(read.latencyRandom);
        read.remainingPs = latencyPs - latencyPs / 2;
        read.phase = SAMPLE;
        return startPs + latencyPs / 2;
    }

    @Override
    public long step(Read read, long nowPs) {
        if (read.phase == SAMPLE) {
            read.samplePs = nowPs;
            read.core = scheduler.coreOf(read.thread);
            read.migrationsAtSample = scheduler.migrations(read.thread);
            read.value = read.core;
            read.reportedCpu = read.core;
            read.phase = FINISH;
            return nowPs + read.remainingPs;
        }
        read.endPs = nowPs;
        read.coreAtEnd = scheduler.coreOf(read.thread);
        return Read.DONE;
    }
}
