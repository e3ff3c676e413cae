package org.clocksim.workload;

import java.util.Arrays;
import org.clocksim.engine.Binomial;
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
 * <p>A block is a number of reads and the time they take. The reads start at intervals of one call's
 * duration (at least {@link Calls#MIN_CALL_PS}) plus one think time. Their common part (the latency's
 * body, its rounding to the call's steps, the think time), i.i.d. with mean {@code m} and variance
 * {@code v}, adds up over {@code n} reads to a normal time of mean {@code n m} and variance {@code n v}
 * (the central limit theorem; a block holds at least {@link #MIN_BLOCK_READS} reads, shorter
 * stretches run exactly). A latency's rare tail ({@link Distribution.WithTail}) is drawn as it is: how
 * many of the {@code n} reads are slow is binomial, each at a uniform place with its exponential delay,
 * and the block ends before the first read that would not fit. {@code n} leaves {@link #SPREAD_SIGMAS}
 * standard deviations of the common part's spread before the exact reads (a block that would still
 * overrun, probability 3e-5, is cut to the room); the room that leaves is filled by a further, shorter
 * block, and so on while one of {@link #MIN_BLOCK_READS} fits. The next exact read starts when the block ends, at
 * the start of the block's next read, as in exact mode: so the reads before the event fall at the phases
 * they would have, which the magnitudes of backward events depend on.
 */
final class QuietStretches {
    /** A block's time stays this many of its standard deviations short of the exact reads before the event. */
    private static final double SPREAD_SIGMAS = 4;
    /** A block holds at least this many reads; below it the stretch runs exactly. */
    static final long MIN_BLOCK_READS = 16;
    /**
     * The exact reads before an event span the mean time of as many reads as the observer needs plus
     * this many more, so that at least one completes before the event unless a read is slower than all
     * of them together: a call in a latency's rare tail (probability {@code p} per stretch, where the
     * event's read is then compared with the last reading before the block: docs/PERFORMANCE.md).
     */
    private static final int TAIL_MARGIN_READS = 2;
    /** A block with more slow reads than this (a tail that is not rare) is not aggregated. */
    private static final int MAX_SLOW_READS = 64;

    private final Calls calls;
    private final Distribution thinkTime;
    private final RandomStream[] random;
    /** The slow reads' places in the block being drawn (at most {@link #MAX_SLOW_READS}). */
    private final long[] slowAt = new long[MAX_SLOW_READS];
    /** The interval of the last steady call seen: a pass has one source, so one entry suffices. */
    private SteadyCall intervalOf;
    private Interval interval;

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
        if (call != intervalOf) {
            interval = new Interval(call, thinkTime);
            intervalOf = call;
        }
        long tailPs = (long) StrictMath.ceil((observer.exactBefore(thread) + TAIL_MARGIN_READS) * interval.fullMean());
        long at = fromPs;
        while (true) { // each block leaves a spread's worth of room, which the next, shorter block fills
            long next = block(thread, at, eventPs - tailPs, interval, observer, call);
            if (next == at) {
                return at;
            }
            at = next;
        }
    }

    /** The common part of an interval between two reads' starts, and the latency's rare tail. */
    private record Interval(double mean, double sd, Distribution.WithTail tail) {
        Interval(SteadyCall call, Distribution think) {
            this(call, think, call.latency() instanceof Distribution.WithTail t ? t : null);
        }

        private Interval(SteadyCall call, Distribution think, Distribution.WithTail tail) {
            this(mean(tail == null ? call.latency() : tail.body(), call, think),
                    StrictMath.sqrt((tail == null ? call.latency() : tail.body()).variance()
                            + (call.granule() * (double) call.granule() - 1) / 12 + think.variance()), tail);
        }

        private static double mean(Distribution body, SteadyCall call, Distribution think) {
            return body.expectedValue() - (call.granule() - 1) / 2.0 + think.expectedValue();
        }

        double fullMean() {
            return mean + (tail == null ? 0 : tail.probability() * tail.tailMean());
        }

        /** The common part's spread over {@code n} intervals, times {@link #SPREAD_SIGMAS}. */
        double margin(double n) {
            return SPREAD_SIGMAS * sd * StrictMath.sqrt(Math.max(0, n));
        }
    }

    /** One block from {@code fromPs} that ends before {@code endPs}; returns where it ends ({@code fromPs}: none). */
    private long block(int thread, long fromPs, long endPs, Interval interval, SourceObserver observer,
                       SteadyCall call) {
        double mean = interval.mean();
        long roomPs = endPs - fromPs;
        long n = (long) ((roomPs - interval.margin(roomPs / mean)) / mean);
        if (n < MIN_BLOCK_READS) {
            return fromPs;
        }
        RandomStream draws = random[thread];
        long reads = n;
        double slowPs = 0;
        Distribution.WithTail tail = interval.tail();
        if (tail != null) { // the slow reads among the n, each at a uniform place; the block ends before one that does not fit
            long slow = Binomial.draw(n, tail.probability(), draws);
            if (slow > MAX_SLOW_READS) {
                return fromPs;
            }
            for (int i = 0; i < slow; i++) {
                slowAt[i] = draws.nextLong(1, n + 1);
            }
            Arrays.sort(slowAt, 0, (int) slow);
            double room = roomPs - interval.margin(n);
            for (int i = 0; i < slow; i++) {
                long position = slowAt[i];
                long fits = (long) ((room - slowPs) / mean); // reads that fit with the slow ones so far
                double delay = tail.tailMean() * draws.nextExponential();
                if (position > fits) {
                    break;
                }
                if (position * mean + slowPs + delay > room) { // this slow read would not fit: end before it
                    reads = position - 1;
                    break;
                }
                slowPs += delay;
            }
            reads = Math.min(reads, (long) ((room - slowPs) / mean));
            if (reads < MIN_BLOCK_READS) {
                return fromPs;
            }
        }
        double spanPs = reads * mean + slowPs + StrictMath.sqrt(reads) * interval.sd() * draws.nextGaussian();
        observer.aggregated(thread, reads, call);
        return fromPs + Math.max(1, Math.min(roomPs, Math.round(spanPs)));
    }
}
