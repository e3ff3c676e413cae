package org.clocksim.source;

import org.clocksim.engine.RandomStream;

/**
 * One thread's read in progress, then its result. A thread owns one {@code Read} and reuses it for
 * every call, so the hot path allocates nothing. The source fills in the result fields; the scratch
 * fields belong to the source between steps.
 */
public final class Read {
    /** Returned by {@link TimeSource#step} when the read has completed. */
    public static final long DONE = -1;
    /** {@link #reportedCpu} of a source that does not report the cpu. */
    public static final int NO_CPU = -1;

    final int thread;
    final RandomStream latencyRandom;

    long startPs;
    long endPs;
    long samplePs;
    int core;
    int migrationsAtSample;
    long value;
    int reportedCpu = NO_CPU;
    int coreAtEnd;
    int retries;
    boolean failed;
    int switchesAtSample;
    int tscWritesAtSample;
    int ntpStepsAtSample;
    boolean viaKvmClock;
    double counterLagNs;
    double counterStepNs;

    int phase;
    long remainingPs;
    long counterPs;
    int sequence;
    boolean fallback;

    Read(int thread, RandomStream latencyRandom) {
        this.thread = thread;
        this.latencyRandom = latencyRandom;
    }

    public int thread() {
        return thread;
    }

    /** True time the call started. */
    public long startPs() {
        return startPs;
    }

    /** True time the call returned. */
    public long endPs() {
        return endPs;
    }

    public long latencyPs() {
        return endPs - startPs;
    }

    /** True time at which the counter was sampled. */
    public long samplePs() {
        return samplePs;
    }

    /** The core the counter was sampled on. */
    public int core() {
        return core;
    }

    /** How many times the thread had migrated when the counter was sampled. */
    public int migrationsAtSample() {
        return migrationsAtSample;
    }

    /** The reading, in the source's own unit (cycles, ns, us ...). */
    public long value() {
        return value;
    }

    /** The cpu id the call returned (rdtscp's TSC_AUX), or {@link #NO_CPU}. */
    public int reportedCpu() {
        return reportedCpu;
    }

    /** The core the thread was on when the call returned. */
    public int coreAtEnd() {
        return coreAtEnd;
    }

    /** How many times a seqcount loop went round again because the data changed under it. */
    public int retries() {
        return retries;
    }

    /** The call faulted and returned no reading (vsyscall=none). */
    public boolean failed() {
        return failed;
    }

    /** Clocksource switches the kernel had made when the counter was sampled. */
    public int switchesAtSample() {
        return switchesAtSample;
    }

    /** TSC writes the machine had seen when the counter was sampled. */
    public int tscWritesAtSample() {
        return tscWritesAtSample;
    }

    /** Naive NTP steps the kernel had made when the counter was sampled. */
    public int ntpStepsAtSample() {
        return ntpStepsAtSample;
    }

    /** Whether the counter read was kvm-clock (the pvclock structures). */
    public boolean viaKvmClock() {
        return viaKvmClock;
    }

    /**
     * How far the sampled counter's last step lies behind the sample's time, in ns, when the counter steps
     * coarsely (a platform timer: the HPET every 70 ns): what the reading lacks of a continuous counter's. 0 else.
     */
    public double counterLagNs() {
        return counterLagNs;
    }

    /** The sampled counter's step in ns when {@link #counterLagNs} is given (its lag is uniform below it), else 0. */
    public double counterStepNs() {
        return counterStepNs;
    }

    /** Starts a new call: clears what the previous one left. */
    void start(long atPs) {
        startPs = atPs;
        counterLagNs = 0;
        counterStepNs = 0;
        retries = 0;
        failed = false;
        fallback = false;
        viaKvmClock = false;
    }
}
