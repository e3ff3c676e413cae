package org.clocksim.workload;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;
import org.clocksim.engine.StreamName;

/**
 * Threads take a shared lock in turn; the holder reads the time, compares it with the last value
 * written under the lock, writes its own and releases. The semantics of the kernel's boot-time
 * TSC warp test (arch/x86/kernel/tsc_sync.c) and of Ingo Molnar's time-warp-test
 * (KERNEL-FACTS.md §4, §5).
 *
 * <p>Timing: the next holder acquires the lock at {@code max(release + hand-off latency, the time
 * it is ready)}; a thread is ready again after its think time, which it spends outside the lock.
 * The hand-off latency is the cache-line transfer of the lock and the last value (~100 ns).
 */
public final class LockHandoff implements Workload {
    private final Calls calls;
    private final Distribution handoffLatency;
    private final HandoffOrder order;
    private final Distribution thinkTime;
    private final RandomStream[] thinkRandom;
    private final RandomStream orderRandom;
    private final RandomStream handoffLatencyRandom;
    private final long[] readyPs;
    private int holder;
    private boolean reading;
    private long handoffDonePs;
    private long nextPs;

    LockHandoff(Calls calls, Distribution handoffLatency, HandoffOrder order, Distribution thinkTime,
                RandomStreams streams) {
        int threads = calls.threads();
        this.calls = calls;
        this.handoffLatency = handoffLatency;
        this.order = order;
        this.thinkTime = thinkTime;
        this.thinkRandom = new RandomStream[threads];
        this.readyPs = new long[threads];
        for (int t = 0; t < threads; t++) {
            thinkRandom[t] = ThinkStreams.of(streams, t);
        }
        this.orderRandom = streams.stream(StreamName.HANDOFF_ORDER.of());
        this.handoffLatencyRandom = streams.stream(StreamName.HANDOFF_LATENCY.of());
    }

    @Override
    public void advanceTo(long limitPs) {
        while (nextPs < limitPs) {
            TimeSource source = calls.source(holder);
            Read read = calls.read(holder);
            if (!reading) {
                nextPs = source.begin(read, nextPs);
                reading = true;
                continue;
            }
            long following = source.step(read, nextPs);
            if (following != Read.DONE) {
                nextPs = following;
                continue;
            }
            release(calls.completed(holder, true));
        }
    }

    private void release(long releasePs) {
        readyPs[holder] = releasePs + thinkTime.sample(thinkRandom[holder]);
        holder = order == HandoffOrder.ROUND_ROBIN
                ? (holder + 1) % readyPs.length
                : orderRandom.nextInt(readyPs.length);
        handoffDonePs = releasePs + handoffLatency.sample(handoffLatencyRandom);
        reading = false;
        nextPs = Math.max(handoffDonePs, readyPs[holder]);
    }

    /**
     * The holder in the middle of its read finishes it after the gap. Any other thread (the next
     * holder included) becomes ready no earlier than the end of its gap: later by the gap if it was
     * still thinking, at the end of the gap if it was already spinning on the lock.
     */
    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        if (thread == holder && reading) {
            if (nextPs >= timePs) {
                nextPs += gapPs;
            }
            return;
        }
        readyPs[thread] = readyPs[thread] > timePs ? readyPs[thread] + gapPs : timePs + gapPs;
        if (thread == holder) {
            nextPs = Math.max(handoffDonePs, readyPs[thread]);
        }
    }
}
