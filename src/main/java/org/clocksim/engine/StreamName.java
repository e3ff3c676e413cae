package org.clocksim.engine;

/**
 * Every random stream of a run, by name: the registry of the reproducibility contract. A stream's numbers
 * depend only on (seed, its name, the replication), so renaming one changes every result that draws from it
 * and adding one changes nothing else. The names are the model's, the engine only hashes them.
 */
public enum StreamName {
    /** Each core's extra normal offset at boot. */
    TSC_CORE_OFFSETS("tsc.core-offsets"),
    /** A socket's rate random walk. */
    TSC_WANDER("tsc.wander.socket-%d"),
    /** A socket's random P-state changes. */
    TSC_PSTATE("tsc.pstate.socket-%d"),
    /** A thread's migration times and destinations. */
    MIGRATION("sched.migration.thread-%d"),
    /** When the host deschedules a vCPU (steal) and for how long. */
    KVM_STEAL("kvm.steal.vcpu-%d"),
    /** The host CPU a vCPU resumes on after a steal. */
    KVM_HOST_CPU("kvm.host-cpu"),
    /** The boot-time warp test's hand-offs. */
    SYNC_CHECK("kernel.sync-check"),
    /** The clocksource watchdog's read latencies. */
    WATCHDOG("kernel.watchdog"),
    /** A thread's call latencies of one source (source id, thread). */
    LATENCY("latency.%s.thread-%d"),
    /** Fast mode: the latency histogram of one source's aggregated reads (source id). */
    AGGREGATION("fast.latency.%s"),
    /** Fast mode: how long a thread's aggregated blocks of reads last. */
    FAST_BLOCK("fast.block.thread-%d"),
    /** Fast mode: the draws that bound how far past a block's end its thread's next read starts. */
    FAST_RESIDUAL_BOUND("fast.residual-bound"),
    /** A thread's think times. */
    THINK("workload.think.thread-%d"),
    /** Which thread takes the lock next (handoffOrder: random). */
    HANDOFF_ORDER("workload.handoff.order"),
    /** How long each lock hand-off takes. */
    HANDOFF_LATENCY("workload.handoff.latency"),
    /** Which of one source's backward events backward-events.csv keeps (source id); draws no simulated number. */
    BACKWARD_SAMPLE("output.backward-sample.%s");

    private final String pattern;

    StreamName(String pattern) {
        this.pattern = pattern;
    }

    /** The stream's name for these indices (a socket, a thread, a source id). */
    public String of(Object... indices) {
        return String.format(java.util.Locale.ROOT, pattern, indices);
    }
}
