package org.clocksim.workload;

import java.util.SplittableRandom;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;

/**
 * Each thread loops on its own: read, think, read ... Threads do not interact, so each one runs
 * every step due before the next event in a tight loop.
 */
public final class IndependentLoop implements Workload {
    private final TimeSource source;
    private final SourceObserver observer;
    private final Distribution thinkTime;
    private final Read[] reads;
    private final SplittableRandom[] thinkRandom;
    private final long[] nextPs;
    private final boolean[] reading;

    public IndependentLoop(int threads, TimeSource source, SourceObserver observer, Distribution thinkTime,
                           RandomStreams streams) {
        this.source = source;
        this.observer = observer;
        this.thinkTime = thinkTime;
        this.reads = new Read[threads];
        this.thinkRandom = new SplittableRandom[threads];
        this.nextPs = new long[threads];
        this.reading = new boolean[threads];
        for (int t = 0; t < threads; t++) {
            reads[t] = source.open(t);
            thinkRandom[t] = ThinkStreams.of(streams, t);
        }
    }

    @Override
    public void advanceTo(long limitPs) {
        for (int t = 0; t < reads.length; t++) {
            advanceThread(t, limitPs);
        }
    }

    private void advanceThread(int t, long limitPs) {
        Read read = reads[t];
        long next = nextPs[t];
        boolean inCall = reading[t];
        while (next < limitPs) {
            if (!inCall) {
                next = source.begin(read, next);
                inCall = true;
            } else {
                long following = source.step(read, next);
                if (following == Read.DONE) {
                    observer.onRead(read);
                    next = read.endPs() + thinkTime.sample(thinkRandom[t]);
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
