package org.clocksim.workload;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;

/**
 * Each thread loops on its own: read, think, read ... Threads do not interact, so each one runs
 * every step due before the next event in a tight loop.
 */
public final class IndependentLoop implements Workload {
    private final Calls calls;
    private final Distribution thinkTime;
    private final RandomStream[] thinkRandom;
    private final long[] nextPs;
    private final boolean[] reading;

    IndependentLoop(Calls calls, Distribution thinkTime, RandomStreams streams) {
        int threads = calls.threads();
        this.calls = calls;
        this.thinkTime = thinkTime;
        this.thinkRandom = new RandomStream[threads];
        this.nextPs = new long[threads];
        this.reading = new boolean[threads];
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

    private void advanceThread(int t, long limitPs) {
        long next = nextPs[t];
        boolean inCall = reading[t];
        while (next < limitPs) {
            TimeSource source = calls.source(t);
            Read read = calls.read(t);
            if (!inCall) {
                next = source.begin(read, next);
                inCall = true;
            } else {
                long following = source.step(read, next);
                if (following == Read.DONE) {
                    next = calls.completed(t, false) + thinkTime.sample(thinkRandom[t]);
                    inCall = false;
                } else {
                    next = following;
                }
            }
        }
        nextPs[t] = next;
        reading[t] = inCall;
    }

    /** Whatever the thread was about to do (think, or a step of its read) happens after the gap. */
    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        if (nextPs[thread] >= timePs) {
            nextPs[thread] += gapPs;
        }
    }
}
