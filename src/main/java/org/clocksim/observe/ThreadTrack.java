package org.clocksim.observe;

import org.clocksim.source.Read;

/**
 * One thread's reads of one source as {@link SourceObserver} follows them: how many, what its previous read
 * saw, its backward events and its trace window. One object per thread, so that a read touches one object
 * of fields rather than an array per field.
 */
final class ThreadTrack {
    long reads;
    long previousValue;
    int previousCore;
    int previousMigrations;
    int previousCpu;
    int previousSwitches;
    int previousTscWrites;
    int previousNtpSteps;
    /** Fast mode: reads aggregated since the thread's last exact read, and the error expected of reads next to it. */
    long pendingReads;
    double lastErrorNs;
    final Backwardness backwardness = new Backwardness();
    final TraceWindow trace = new TraceWindow();

    /** The read becomes the thread's previous one. */
    void remember(Read read) {
        previousValue = read.value();
        previousCore = read.core();
        previousMigrations = read.migrationsAtSample();
        previousCpu = read.reportedCpu();
        previousSwitches = read.switchesAtSample();
        previousTscWrites = read.tscWritesAtSample();
        previousNtpSteps = read.ntpStepsAtSample();
    }

    /**
     * What explains a backward step against the previous reading, most specific first: a clocksource switch,
     * a TSC write, a naive NTP step, kvm-clock, a migration ({@code moved}); else the source itself.
     */
    Cause cause(Read read, boolean moved) {
        if (read.switchesAtSample() != previousSwitches) {
            return Cause.CLOCKSOURCE_SWITCH;
        }
        if (read.tscWritesAtSample() != previousTscWrites) {
            return Cause.TSC_WRITE;
        }
        if (read.ntpStepsAtSample() != previousNtpSteps) {
            return Cause.NTP_STEP;
        }
        if (read.viaKvmClock()) {
            return Cause.KVM_CLOCK;
        }
        return moved ? Cause.MIGRATION : Cause.SAME_CORE;
    }
}
