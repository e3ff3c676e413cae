package org.clocksim.workload;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.StreamName;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.Read;
import org.clocksim.source.SteadyCall;

/**
 * Fast mode for threads that loop on their own (docs/PERFORMANCE.md, "Fast mode"). Between two events
 * nothing changes what a thread's read returns relative to its previous one: the thread stays on its
 * core, the data page, the clocksource, the counters' rates and offsets stay as they are, so the
 * readings only grow and the calls are i.i.d. draws of the {@link SteadyCall}. Such a stretch is cut
 * in three: the reads just after the event run exactly (at least one, begun after the event), then a
 * block of reads is aggregated, then the reads just before the next event run exactly again (as many as
 * the observer needs: one, or a trace window's worth), so that the reads next to every event, and with
 * them every backward event, its magnitude and cause, come from the same code in both modes.
 *
 * <p>A block is a number of reads, {@code n}, fixed from the room there is, and the time they take: the
 * reads start at intervals of one call's duration (at least {@link Calls#MIN_CALL_PS}) plus one think
 * time, i.i.d. with mean {@code m} and variance {@code v}, so the block lasts a normal time of mean
 * {@code n m} and variance {@code n v} (the central limit theorem; a block holds at least
 * {@link #MIN_BLOCK_READS} reads, shorter stretches run exactly). The next exact read starts when the
 * block ends, at the start of read {@code n + 1}, as it would in exact mode; so the reads before the
 * event fall at the phases they would have, which the magnitudes of backward events depend on. {@code n}
 * leaves {@link #SPREAD_SIGMAS} standard deviations of room before the exact reads; a block that would
 * still overrun (probability 3e-5) is cut to the room.
 */
final class QuietStretches {
    /** A block's time stays this many of its standard deviations short of the exact reads before the event. */
    private static final double SPREAD_SIGMAS = 4;
    /** A block holds at least this many reads; below it the stretch runs exactly. */
    static final long MIN_BLOCK_READS = 64;
    /**
     * The exact reads before an event span the mean time of as many reads as the observer needs plus
     * this many more, so that at least one completes before the event unless a read is slower than all
     * of them together: a call in a latency's rare tail (probability {@code p} per stretch, where the
     * event's read is then compared with the last reading before the block: docs/PERFORMANCE.md).
     */
    private static final int TAIL_MARGIN_READS = 2;

    private final Calls calls;
    private final Distribution thinkTime;
    private final RandomStream[] random;

    QuietStretches(Calls calls, Distribution thinkTime, RandomStreams streams) {
        this.calls = calls;
        this.thinkTime = thinkTime;
        this.random = new RandomStream[calls.threads()];
        for (int t = 0; t < random.length; t++) {
            random[t] = streams.stream(StreamName.FAST_BLOCK.of(t));
        }
    }

    /**
     * Aggregates the thread's reads from {@code fromPs} (between two calls) to shortly before
     * {@code eventPs}, if it can.
     *
     * @return when the thread's next exact call starts: {@code fromPs} if nothing was aggregated
     */
    long skip(int thread, long fromPs, long eventPs) {
        SourceObserver observer = calls.observer(thread);
        if (!calls.singleSource() || !observer.aggregatable(thread)) {
            return fromPs;
        }
        Read last = calls.read(thread);
        SteadyCall call = calls.source(thread).steadyCall(last);
        if (call == null || call.meanPs() < Calls.MIN_CALL_PS) {
            return fromPs;
        }
        double mean = call.meanPs() + thinkTime.expectedValue();
        double variance = call.variancePs2() + thinkTime.variance();
        int tailReads = observer.exactBefore(thread);
        long tailPs = (long) StrictMath.ceil((tailReads + TAIL_MARGIN_READS) * mean);
        long availablePs = eventPs - tailPs - fromPs;
        double sd = StrictMath.sqrt(variance);
        // n reads whose total time stays within the room left, but for SPREAD_SIGMAS of its spread
        long n = (long) ((availablePs - SPREAD_SIGMAS * sd * StrictMath.sqrt(Math.max(0, availablePs) / mean)) / mean);
        if (n < MIN_BLOCK_READS) {
            return fromPs;
        }
        double spanPs = n * mean + StrictMath.sqrt(n) * sd * random[thread].nextGaussian();
        observer.aggregated(thread, n, call);
        return fromPs + Math.max(0, Math.min(availablePs, Math.round(spanPs)));
    }
}
