package org.clocksim.workload;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.SimulationMode;
import org.clocksim.kernel.Scheduler;
import org.clocksim.kernel.ThreadCatchUp;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;
import org.clocksim.source.WholeCall;

/**
 * Each thread loops on its own: read, think, read ... Threads do not interact, so each one runs
 * every step due before the next event in a tight loop. In fast mode the middle of that run, between
 * the reads next to the last event and those next to the next one, is aggregated ({@link QuietStretches}).
 */
public final class IndependentLoop implements Workload, ThreadCatchUp {
    private final Calls calls;
    private final Scheduler scheduler;
    private final Distribution thinkTime;
    private final RandomStream[] thinkRandom;
    private final long[] nextPs;
    private final boolean[] reading;
    /** Fast mode's aggregation, or null in exact mode. */
    private final QuietStretches quiet;
    /** Whether each thread catches up on its own, settling its migrations as it reaches them ({@link #threadCatchUp}). */
    private final boolean local;
    /**
     * Exact mode with one source: a thread's calls after its first since the last event may run whole
     * ({@link WholeCall}). (No migration waits in exact mode: each is an event, so none falls inside a whole call.)
     */
    private final boolean wholeCalls;

    IndependentLoop(Calls calls, Distribution thinkTime, RandomStreams streams, SimulationMode mode,
                    Scheduler scheduler) {
        int threads = calls.threads();
        this.calls = calls;
        this.scheduler = scheduler;
        this.thinkTime = thinkTime;
        this.thinkRandom = new RandomStream[threads];
        this.nextPs = new long[threads];
        this.reading = new boolean[threads];
        this.quiet = mode == SimulationMode.FAST ? new QuietStretches(calls, thinkTime, streams, scheduler) : null;
        this.local = quiet != null && calls.singleSource();
        this.wholeCalls = quiet == null && calls.singleSource();
        for (int t = 0; t < threads; t++) {
            thinkRandom[t] = ThinkStreams.of(streams, t);
        }
    }

    @Override
    public void advanceTo(long limitPs) {
        for (int t = 0; t < nextPs.length; t++) {
            advanceThread(t, limitPs);
        }
    }

    /**
     * Fast mode with one source: each thread's reads depend only on its own core and the global state,
     * so a thread may catch up on its own (before its own migration) and run its stretch across the
     * events that do not affect it (docs/PERFORMANCE.md, "Event scopes").
     */
    @Override
    public ThreadCatchUp threadCatchUp() {
        return local ? this : null;
    }

    /**
     * A plain tick need not stop the threads when their reads can cross it ({@link TimeSource#tickCrossing}); they
     * share one source (the threads catch up on their own only then).
     */
    @Override
    public void beforeTick(long timePs, boolean plain) {
        if (!plain || calls.source(0).tickCrossing() == null) {
            advanceTo(timePs);
        }
    }

    @Override
    public long coreBlindUntilPs(int thread) {
        return calls.source(thread).coreBlindUntilPs();
    }

    /**
     * Runs the thread's steps strictly before {@code limitPs}. A migration it reaches first ({@link Scheduler#settle})
     * makes the step then pending late by the migration's gap: whatever the thread was doing, a read included,
     * resumes after it.
     */
    @Override
    public void advanceThread(int t, long limitPs) {
        long next = nextPs[t];
        boolean inCall = reading[t];
        boolean begunHere = false; // the call in progress began after the last event
        boolean mayAggregate = quiet != null; // once per stretch, after a call begun and completed in it ...
        boolean settled = false;
        TimeSource source = calls.source(t); // the thread's source changes only when a call completes
        Read read = calls.read(t);
        WholeCall whole = null; // once a call begun here completed, when the source runs whole calls
        int core = 0; // their core and observer
        SourceObserver observer = null;
        // the earliest migration waiting for the thread (only when the threads catch up on their own): it changes
        // only when the thread settles one, here or in an aggregated stretch
        long waitingPs = scheduler.waitingPs(t);
        while (true) {
            for (; waitingPs <= next && waitingPs < limitPs; waitingPs = scheduler.waitingPs(t)) {
                next += scheduler.settle(t);
            }
            if (next >= limitPs) {
                break;
            }
            if (!inCall) {
                if (settled && mayAggregate) {
                    long skipped = quiet.skip(t, next, limitPs);
                    // ... or again at the next call while the observer takes every read (a trace window filling)
                    // or the last call was not steady (it retried across a tick's write)
                    mayAggregate = skipped == next
                            && (!calls.observer(t).aggregatable(t) || source.steadyCall(read) == null);
                    next = skipped;
                    waitingPs = scheduler.waitingPs(t);
                }
                if (whole == null) {
                    next = source.begin(read, next);
                } else {
                    long latencyPs = whole.drawLatencyPs(read);
                    long endPs = whole.endPs(next, latencyPs);
                    if (endPs < limitPs) { // the call returns before the next event: at once
                        long samplePs = whole.samplePs(next, latencyPs);
                        observer.onWholeCall(t, next, samplePs, endPs, whole.valueAt(core, samplePs));
                        next = Calls.freeAfter(next, endPs) + thinkTime.sample(thinkRandom[t]);
                        continue;
                    }
                    next = whole.begin(read, next, latencyPs);
                }
                inCall = true;
                begunHere = true;
            } else {
                long following = source.step(read, next);
                if (following == Read.DONE) {
                    next = calls.completed(t, false) + thinkTime.sample(thinkRandom[t]);
                    inCall = false;
                    settled |= begunHere;
                    source = calls.source(t);
                    read = calls.read(t);
                    if (settled && wholeCalls) {
                        whole = source.wholeCall(read);
                        core = scheduler.coreOf(t);
                        observer = calls.observer(t);
                    }
                } else {
                    next = following;
                }
            }
        }
        nextPs[t] = next;
        reading[t] = inCall;
    }

    /**
     * Whatever the thread was about to do (think, or a step of its read) happens after the gap. (Not called
     * when the threads catch up on their own: each settles its migrations as it reaches them, {@link #advanceThread}.)
     */
    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        if (nextPs[thread] >= timePs) {
            nextPs[thread] += gapPs;
        }
    }
}
