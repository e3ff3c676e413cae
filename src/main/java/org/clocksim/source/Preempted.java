package org.clocksim.source;

import org.clocksim.hw.kvm.KvmHost;
import org.clocksim.kernel.Scheduler;

/**
 * A source on a KVM guest whose vCPUs the host deschedules: a step of a call that falls while the thread's
 * vCPU is off its host CPU (steal, a live migration's downtime) runs when the vCPU runs again, so the call
 * takes that much longer (the development host's millisecond tails). The readings are the wrapped source's.
 */
public final class Preempted implements TimeSource {
    private final TimeSource source;
    private final KvmHost host;
    private final Scheduler scheduler;

    public Preempted(TimeSource source, KvmHost host, Scheduler scheduler) {
        this.source = source;
        this.host = host;
        this.scheduler = scheduler;
    }

    @Override
    public SourceId id() {
        return source.id();
    }

    @Override
    public double nsPerUnit() {
        return source.nsPerUnit();
    }

    @Override
    public double sinceEpochNs(long value) {
        return source.sinceEpochNs(value);
    }

    @Override
    public boolean readsTime() {
        return source.readsTime();
    }

    @Override
    public Timeline timeline() {
        return source.timeline();
    }

    @Override
    public boolean tickBased() {
        return source.tickBased();
    }

    /**
     * The wrapped source's: a steal and a live migration's downtime begin and end at events, which end every
     * quiet stretch, so no aggregated read falls while the vCPU is off its host CPU.
     */
    @Override
    public SteadyCall steadyCall(Read last) {
        return source.steadyCall(last);
    }

    @Override
    public Read open(int thread) {
        return source.open(thread);
    }

    @Override
    public long begin(Read read, long startPs) {
        return delayed(read, source.begin(read, startPs));
    }

    @Override
    public long step(Read read, long nowPs) {
        return delayed(read, source.step(read, nowPs));
    }

    private long delayed(Read read, long nextPs) {
        return nextPs == Read.DONE ? Read.DONE : host.resumeAt(scheduler.coreOf(read.thread), nextPs);
    }
}
