package org.clocksim.workload;

import org.clocksim.engine.Binomial;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.StreamName;
import org.clocksim.kernel.Scheduler;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.Read;
import org.clocksim.source.SteadyCall;
import org.clocksim.source.TickCrossing;

/**
 * Fast mode for threads that loop on their own (docs/PERFORMANCE.md, "Fast mode"). Between two events
 * nothing changes what a thread's read returns relative to its previous one: the thread stays on its
 * core, the data page, the clocksource, the counters' rates and offsets stay as they are, so the
 * readings only grow and the calls are i.i.d. draws of the {@link SteadyCall}. Such a stretch is cut
 * in three: the reads just after the event run exactly (at least one, begun after the event), then the
 * reads that start in the middle are aggregated, then the reads just before the next event run exactly
 * again (the one the event's read compares with, and a margin), so that the reads next to every
 * event, and with them every backward event, its magnitude and cause, come from the same code in both modes.
 *
 * <p>The reads start at intervals of one call's duration plus one think time: a renewal process. Its
 * common part (the latency's body, its rounding to the call's steps, the think time) has mean {@code m}
 * and squared coefficient of variation {@code c}; a latency's rare tail ({@link Distribution.WithTail})
 * is drawn as it is: how many of the reads are slow is binomial, and their delays, exponential, leave the
 * common part less room. The number of reads that start in a room of {@code t / m} mean intervals is
 * normal, of mean {@code t / m + (1 + c) / 2} and variance {@code c t / m} (the renewal theorem and its
 * central limit theorem), and the next read starts after the room by the process's equilibrium residual
 * life: a uniform fraction of a size-biased interval ({@link Distribution#sizeBiasedSample}), independent
 * of the count in the limit. That holds once the room spans enough intervals for the phase to have mixed
 * ({@code c t / m >= 1}: the phase's Fourier coefficient is then below e^-19); an interval with no spread at
 * all is counted exactly. A shorter room (of at least {@link #MIN_BLOCK_READS} reads) is one block of the
 * reads that fit with {@link #SPREAD_SIGMAS} standard deviations to spare, whose time is drawn (normal: the
 * central limit theorem), and the exact reads after it start at the phase it leaves. The room ends before the
 * exact reads' time plus a bound of the residual life (the largest of {@link #RESIDUAL_BOUND_DRAWS} draws),
 * so the exact reads before the event start at the phases they would have, which the magnitudes of
 * backward events depend on.
 *
 * <p>A thread whose reads are the same on every core ({@link Scheduler#catchUpLocally}) is not stopped at its
 * migrations: those that wait in the room ({@link Scheduler#waitingPs}) take their gaps off the thread's time in
 * it, and each delays one of the room's reads, the first sampled after it being a migrated read; the read it
 * falls in (with the call's share of the mean interval: a point falls in a size-biased interval) takes the gap
 * on top of a size-biased call. Nor is such a thread stopped at a plain tick ({@link TickCrossing}): each write of
 * the data page in the room delays the read it falls in, drawn ({@link CrossedTicks}).
 */
final class QuietStretches {
    /** A block's time stays this many of its standard deviations short of the exact reads before the event. */
    private static final double SPREAD_SIGMAS = 4;
    /** The room aggregated spans at least this many reads; shorter stretches run exactly. */
    static final long MIN_BLOCK_READS = 16;
    /**
     * The exact reads before an event span the mean time of this many reads: the one the event's read
     * compares with and one of margin, so that it completes before the event unless a read is slower than
     * both together: a call in a latency's rare tail (probability {@code p} per stretch, where the event's
     * read is then compared with the last reading before the aggregated ones: docs/PERFORMANCE.md).
     */
    private static final int EXACT_READS_BEFORE = 2;
    /** A stretch with more slow reads than this (a tail that is not rare) is not aggregated. */
    private static final int MAX_SLOW_READS = 64;
    /** The residual life's bound is the largest of this many draws: exceeded with probability about 6e-5. */
    private static final int RESIDUAL_BOUND_DRAWS = 1 << 14;

    private final Calls calls;
    private final Scheduler scheduler;
    private final Distribution thinkTime;
    private final RandomStream[] random;
    private final RandomStream boundDraws;
    private final CrossedTicks ticks;
    /** The interval of the last steady call seen: a pass has one source, so one entry suffices. */
    private SteadyCall intervalOf;
    private Interval interval;
    /** How far before the event the aggregated room ends: the exact reads' time plus the residual life's bound. */
    private long tailPs;
    /** The residual life's bound, part of {@link #tailPs}. */
    private long residualBoundPs;

    QuietStretches(Calls calls, Distribution thinkTime, RandomStreams streams, Scheduler scheduler) {
        this.calls = calls;
        this.scheduler = scheduler;
        this.thinkTime = thinkTime;
        this.random = new RandomStream[calls.threads()];
        for (int t = 0; t < random.length; t++) {
            random[t] = streams.stream(StreamName.FAST_BLOCK.of(t));
        }
        this.boundDraws = streams.stream(StreamName.FAST_RESIDUAL_BOUND.of());
        this.ticks = new CrossedTicks(thinkTime);
    }

    /**
     * Aggregates the thread's reads from {@code fromPs} (when its next call starts) to shortly before
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
        if (call == null) {
            return fromPs;
        }
        if (call != intervalOf) {
            interval = Interval.of(call, thinkTime, boundDraws);
            residualBoundPs = interval.residualBound(boundDraws);
            tailPs = (long) StrictMath.ceil(EXACT_READS_BEFORE * interval.fullMean()) + residualBoundPs;
            intervalOf = call;
        }
        TickCrossing crossing = calls.source(thread).tickCrossing();
        long endPs = roomEnd(thread, eventPs, crossing);
        long pausedPs = 0; // the gaps of the migrations waiting in the room, and the delays of its plain ticks
        for (int i = 0; scheduler.waitingPs(thread, i) < endPs; i++) {
            pausedPs += scheduler.waitingGapPs(thread, i);
        }
        pausedPs += ticks.draw(crossing, fromPs, endPs, interval, random[thread]);
        double roomPs = endPs - (double) fromPs - pausedPs;
        if (!(interval.mean() >= Calls.MIN_CALL_PS) || roomPs < MIN_BLOCK_READS * interval.fullMean()) {
            return fromPs;
        }
        RandomStream draws = random[thread];
        double slowPs = slowDelays(roomPs, draws);
        double cycles = (roomPs - slowPs) / interval.mean();
        if (!(cycles >= MIN_BLOCK_READS)) {
            return fromPs;
        }
        return interval.mixes(cycles) ? renewal(thread, call, cycles, fromPs, Math.round(roomPs), eventPs, draws)
                : block(thread, call, fromPs, roomPs, slowPs, eventPs, draws);
    }

    /**
     * Where the room ends: before the exact reads' time and the residual life's bound ahead of the event, and
     * the bound ahead of any migration waiting near it or plain tick crossed near it, which then falls among the
     * exact reads (in the room's last call it could make the next exact call start after the event).
     */
    private long roomEnd(int thread, long eventPs, TickCrossing crossing) {
        long endPs = eventPs - tailPs;
        int waiting = 0;
        while (scheduler.waitingPs(thread, waiting) < eventPs) {
            waiting++;
        }
        int write = crossing == null ? 0 : crossing.writes();
        while (true) { // the latest migration or plain tick not yet before the end's margin moves the end before it
            long atPs = waiting > 0 ? scheduler.waitingPs(thread, waiting - 1) : Long.MIN_VALUE;
            long writePs = write > 0 ? crossing.writeBeganPs(write) : Long.MIN_VALUE;
            long latestPs = Math.max(atPs, writePs);
            if (latestPs < endPs - residualBoundPs) {
                return endPs;
            }
            if (latestPs < eventPs) {
                endPs = Math.min(endPs, latestPs - residualBoundPs);
            }
            if (atPs >= writePs) {
                waiting--;
            } else {
                write--;
            }
        }
    }

    /**
     * The reads that start in a room whose phase has mixed ({@code busyPs} of the thread's time, its waiting
     * migrations' gaps taken off): their count, and the next one's start after the room.
     */
    private long renewal(int thread, SteadyCall call, double cycles, long fromPs, long busyPs, long eventPs,
                         RandomStream draws) {
        long reads;
        long residualPs;
        if (interval.cv2() == 0) { // reads at fixed intervals: the count and the phase follow
            reads = (long) StrictMath.ceil(cycles);
            residualPs = Math.round((reads - cycles) * interval.mean());
        } else {
            double meanReads = cycles + (1 + interval.cv2()) / 2;
            reads = Math.round(meanReads + StrictMath.sqrt(cycles * interval.cv2()) * draws.nextGaussian());
            residualPs = interval.residual(draws);
        }
        return reads < 1 ? fromPs : aggregate(thread, call, reads, fromPs, busyPs + residualPs, eventPs, draws);
    }

    /**
     * The aggregated reads end when the next exact call starts, {@code busyPs} of the thread's time after
     * {@code fromPs}: later by the gaps of the migrations that wait before it, as the exact reads take them
     * (each makes the step then pending late: {@link IndependentLoop#advanceThread}).
     *
     * @return when the next exact call starts, or {@code fromPs} when that is not before the event: past the
     *         residual life's bound (about 6e-5), this stretch runs exactly
     */
    private long aggregate(int thread, SteadyCall call, long reads, long fromPs, long busyPs, long eventPs,
                           RandomStream draws) {
        long nextPs = fromPs + busyPs;
        int migrations = 0;
        for (long at = scheduler.waitingPs(thread, 0); at <= nextPs && at < eventPs;
             at = scheduler.waitingPs(thread, ++migrations)) {
            nextPs += scheduler.waitingGapPs(thread, migrations);
        }
        int crossed = 0;
        for (; crossed < ticks.count() && ticks.atPs(crossed) <= nextPs; crossed++) {
            nextPs += ticks.delayPs(crossed);
        }
        if (nextPs >= eventPs) {
            return fromPs;
        }
        SourceObserver observer = calls.observer(thread);
        observer.aggregated(thread, reads, call);
        for (int i = 0; i < migrations; i++) {
            observer.aggregatedMigration(thread, call, interval.pausedCall(scheduler.settle(thread), draws));
        }
        ticks.report(crossed, thread, call, observer);
        return nextPs;
    }

    /**
     * A room too short for the phase to mix: a block of the reads that fit with {@link #SPREAD_SIGMAS} standard
     * deviations of their time's spread to spare. Its time is normal (the central limit theorem) plus the slow
     * reads' delays, and the exact reads after it start at the phase it leaves.
     */
    private long block(int thread, SteadyCall call, long fromPs, double roomPs, double slowPs, long eventPs,
                       RandomStream draws) {
        double mean = interval.mean();
        double sd = mean * StrictMath.sqrt(interval.cv2());
        double commonPs = roomPs - slowPs;
        long reads = (long) ((commonPs - SPREAD_SIGMAS * sd * StrictMath.sqrt(commonPs / mean)) / mean);
        if (reads < MIN_BLOCK_READS) {
            return fromPs;
        }
        double spanPs = reads * mean + slowPs + StrictMath.sqrt(reads) * sd * draws.nextGaussian();
        return aggregate(thread, call, reads, fromPs, Math.max(1, Math.min(Math.round(roomPs), Math.round(spanPs))),
                eventPs, draws);
    }

    /** The slow reads' delays in a room (binomial count, exponential delays); NaN when they are not rare. */
    private double slowDelays(double roomPs, RandomStream draws) {
        Distribution.WithTail tail = interval.tail();
        if (tail == null) {
            return 0;
        }
        long slow = Binomial.draw(Math.round(roomPs / interval.fullMean()), tail.probability(), draws);
        if (slow > MAX_SLOW_READS) {
            return Double.NaN;
        }
        double delayPs = 0;
        for (int i = 0; i < slow; i++) {
            delayPs += tail.tailMean() * draws.nextExponential();
        }
        return delayPs;
    }

    /**
     * The interval between two reads' starts: its common part's mean (and the call's share of it) and squared
     * coefficient of variation,
     * the latency's rare tail (or null), the full mean with the tail, and a bound of the residual life.
     */
    record Interval(SteadyCall call, Distribution body, Distribution think, Distribution.WithTail tail,
                            double mean, double durationMean, double cv2, double fullMean) {
        static Interval of(SteadyCall call, Distribution think, RandomStream boundDraws) {
            Distribution.WithTail tail = call.latency() instanceof Distribution.WithTail t ? t : null;
            Distribution body = tail == null ? call.latency() : tail.body();
            double mean;
            double variance;
            if (body.variance() == 0 && think.variance() == 0) { // rounding a constant is a constant
                mean = Math.max(Calls.MIN_CALL_PS, call.duration(body.sample(boundDraws))) + think.sample(boundDraws);
                variance = 0;
            } else {
                mean = body.expectedValue() - (call.granule() - 1) / 2.0 + think.expectedValue();
                variance = body.variance() + (call.granule() * (double) call.granule() - 1) / 12 + think.variance();
            }
            return new Interval(call, body, think, tail, mean, mean - think.expectedValue(), variance / (mean * mean),
                    mean + (tail == null ? 0 : tail.probability() * tail.tailMean()));
        }

        /** Whether {@code cycles} intervals spread the phase over one interval at least (or it has no spread). */
        boolean mixes(double cycles) {
            return cv2 == 0 || cycles * cv2 >= 1;
        }

        /**
         * The time from a point on a long run of intervals to the next read's start: a uniform fraction of
         * the size-biased interval. A sum is size-biased by size-biasing one of its parts, chosen with its
         * share of the mean (the call's duration or the think time); the call's rounding to its steps is
         * applied after size-biasing the latency (an error below one step).
         */
        long residual(RandomStream draws) {
            long interval = draws.nextDouble() * mean < durationMean
                    ? duration(body.sizeBiasedSample(draws)) + think.sample(draws)
                    : duration(body.sample(draws)) + think.sizeBiasedSample(draws);
            return Math.round(draws.nextDouble() * interval);
        }

        /**
         * The latency of the call a migration's gap falls in, or -1 when it falls in a think time: the point
         * falls in the call with the call's share of the mean interval, and the call it falls in is size-biased.
         */
        long pausedCall(long gapPs, RandomStream draws) {
            return draws.nextDouble() * mean < durationMean ? duration(body.sizeBiasedSample(draws)) + gapPs : -1;
        }

        private long duration(long latencyPs) {
            return Math.max(Calls.MIN_CALL_PS, call.duration(latencyPs));
        }

        /** A bound of the residual life: the largest of {@link #RESIDUAL_BOUND_DRAWS} draws (or one interval, with no spread). */
        long residualBound(RandomStream draws) {
            if (cv2 == 0) {
                return (long) StrictMath.ceil(mean);
            }
            long largest = 0;
            for (int i = 0; i < RESIDUAL_BOUND_DRAWS; i++) {
                largest = Math.max(largest, residual(draws));
            }
            return largest;
        }
    }
}
