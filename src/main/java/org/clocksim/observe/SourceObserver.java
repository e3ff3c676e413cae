package org.clocksim.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.clocksim.kernel.Scheduler;
import org.clocksim.engine.RandomStream;
import org.clocksim.source.Read;
import org.clocksim.source.SteadyCall;
import org.clocksim.source.SourceId;
import org.clocksim.source.TimeSource;
import org.clocksim.engine.TimeUnits;

/**
 * Watches every completed read of one source in one pass. Per thread: a reading smaller than the
 * thread's previous reading of the same source is a backward event, with the most specific cause
 * (see {@link #cause}). Under a lock: a reading smaller than the last value another thread wrote is
 * a cross-thread backward event. Comparisons are on the raw values in the source's own unit, as the
 * program sees them; magnitudes are converted to ns. It also keeps latency per clocksource, the
 * error against true time, the read trace, inconsistency-check's windows and the reading span.
 */
public final class SourceObserver {
    private static final Comparator<BackwardEvent> IN_TIME_ORDER = Comparator.comparingLong(BackwardEvent::timePs)
            .thenComparingInt(BackwardEvent::thread).thenComparing(BackwardEvent::kind);

    private final SourceId source;
    private final double nsPerUnit;
    private final TimeSource timeSource;
    private final Scheduler scheduler;
    private final boolean crossThreadObserved;
    private final ThreadTrack[] tracks;
    private final long[] byCause = new long[Cause.values().length];
    private final boolean readsTime;
    private final InconsistencyWindows windows;
    private final ReadingSpan span = new ReadingSpan();
    private final ClocksourceLatency latency = new ClocksourceLatency();
    private final LockedValue locked = new LockedValue();
    private long failedReads;
    private long retries;
    private long staleCpu;
    private final Backwardness thread = new Backwardness();
    private final Backwardness crossThread = new Backwardness();
    private final ErrorAccumulator error = new ErrorAccumulator();
    private final EventLog log;
    private final AggregatedLatency aggregated;
    private long migratedReads;
    private long cpuChangesSeen;
    private boolean cpuReported;

    /**
     * @param aggregationRandom draws the latencies of fast mode's aggregated reads (unused in exact mode)
     * @param sampleRandom      chooses the {@code maxEvents} backward events kept (a uniform sample)
     */
    public SourceObserver(TimeSource source, Scheduler scheduler, boolean crossThreadObserved, int maxEvents,
                          RandomStream aggregationRandom, RandomStream sampleRandom) {
        int threads = scheduler.threads();
        this.source = source.id();
        this.nsPerUnit = source.nsPerUnit();
        this.timeSource = source;
        this.scheduler = scheduler;
        this.crossThreadObserved = crossThreadObserved;
        this.tracks = new ThreadTrack[threads];
        for (int i = 0; i < threads; i++) {
            tracks[i] = new ThreadTrack();
        }
        this.readsTime = source.readsTime();
        this.windows = new InconsistencyWindows(threads);
        this.log = new EventLog(maxEvents, sampleRandom);
        this.aggregated = new AggregatedLatency(aggregationRandom);
    }

    /** A completed read, compared with the same thread's previous one. */
    public void onRead(Read read) {
        observe(read, 0, -1);
    }

    /**
     * A read taken under the lock: compared with the last value written under it by another
     * thread, then written as the new last value (the kernel's TSC warp test, Molnar's
     * time-warp-test: KERNEL-FACTS.md §4, §5); and, like any read, with the thread's previous one.
     */
    public void onLockedRead(Read read) {
        if (read.failed() || !readsTime) {
            observe(read, 0, -1);
            return;
        }
        double handedBackNs = 0;
        int handedBy = -1;
        if (locked.comparable(read)) {
            crossThread.compared();
            long behind = locked.behind(read);
            if (behind > 0) {
                double magnitude = behind * nsPerUnit;
                handedBackNs = magnitude;
                handedBy = locked.writerThread();
                crossThread.backward(magnitude);
                byCause[Cause.HANDOFF.ordinal()]++;
                if (log.count()) {
                    log.keep(new BackwardEvent(read.samplePs(), read.thread(), locked.writerThread(), source,
                            EventKind.CROSS_THREAD, locked.writerCore(), read.core(), magnitude, Cause.HANDOFF));
                }
            }
        }
        locked.write(read);
        observe(read, handedBackNs, handedBy);
    }

    /**
     * Per-thread checks; a read behind the reading {@code handedBy} handed over ({@code handedBackNs} > 0)
     * is marked backward in the trace either way. Kept under C2's hot-inlining limit (325 bytecodes), the rarer
     * and separable work in methods of its own, so that it inlines into the workload's loop (docs/PERFORMANCE.md).
     */
    private void observe(Read read, double handedBackNs, int handedBy) {
        latency.record(read.switchesAtSample(), read.latencyPs());
        retries += read.retries();
        if (read.failed() || !readsTime) {
            observeNoTime(read);
            return;
        }
        ThreadTrack track = tracks[read.thread()];
        double readingNs = timeSource.sinceEpochNs(read.value());
        addError(read, track, readingNs);
        span.add(read.samplePs(), readingNs);
        long index = track.reads++;
        if (read.reportedCpu() != Read.NO_CPU) {
            noteCpu(read, track, index);
        }
        boolean moved = false;
        boolean backward = false;
        if (index > 0) {
            moved = read.migrationsAtSample() != track.previousMigrations;
            if (moved) {
                migratedReads++;
            }
            thread.compared();
            if (read.value() < track.previousValue) {
                backward = true;
                recordBackward(read, track, moved, index);
            }
        }
        track.trace.add(read.samplePs(), readingNs, read.core(), moved, backward || handedBackNs > 0, handedBackNs,
                handedBy);
        track.remember(read);
    }

    /**
     * A call run whole in exact mode ({@link org.clocksim.source.WholeCall}): as {@link #onRead} of the same call,
     * knowing what a whole call is: a time-reading call of the thread's core and clocksource epoch as its previous
     * read's, which neither retried nor failed, not behind that read, and with no aggregated reads pending.
     */
    public void onWholeCall(int thread, long startPs, long samplePs, long endPs, long value) {
        ThreadTrack track = tracks[thread];
        if (value < track.previousValue) {
            throw new IllegalStateException("a whole call of " + source + " went backwards on thread " + thread
                    + " at " + samplePs + " ps: it should have run step by step");
        }
        latency.record(track.previousSwitches, endPs - startPs);
        double readingNs = timeSource.sinceEpochNs(value);
        error.add(errorNs(readingNs, samplePs));
        span.add(samplePs, readingNs);
        track.reads++;
        this.thread.compared();
        track.trace.add(samplePs, readingNs, track.previousCore, false, false, 0, -1);
        track.previousValue = value;
    }

    /** The reading's error against true time; before it, those of the reads aggregated since the thread's last. */
    private void addError(Read read, ThreadTrack track, double readingNs) {
        double errorNs = errorNs(readingNs, read.samplePs());
        error.add(errorNs);
        // the error a continuous counter would give: affine between events (a coarse counter's steps add a
        // sawtooth, whose mean over the aggregated reads' mixed phases is half a step)
        double expectedNs = errorNs + read.counterLagNs() - read.counterStepNs() / 2;
        if (track.pendingReads > 0) { // the aggregated reads lie between the last exact read and this one
            error.addMany(track.pendingReads, (track.lastErrorNs + expectedNs) / 2);
            track.pendingReads = 0;
        }
        track.lastErrorNs = expectedNs;
    }

    /**
     * A reading's error against true time, in ns: true time by {@link TimeUnits#nsByProduct}, within an ulp of the
     * trace's error column ({@link TimeUnits#ns}).
     */
    private static double errorNs(double readingNs, long samplePs) {
        return readingNs - TimeUnits.nsByProduct(samplePs);
    }

    /** A source that reports the cpu (rdtscp): whether the cpu changed since the thread's previous read (number {@code index}). */
    private void noteCpu(Read read, ThreadTrack track, long index) {
        cpuReported = true;
        if (index > 0 && read.reportedCpu() != track.previousCpu) {
            cpuChangesSeen++;
        }
    }

    /** A failed read, or one of a source that does not read the time (getcpu): off the hot path. */
    private void observeNoTime(Read read) {
        if (read.failed()) {
            failedReads++;
            return;
        }
        if (read.value() != read.coreAtEnd()) {
            staleCpu++;
        }
        tracks[read.thread()].reads++;
    }

    /** The read is behind the thread's previous one (the {@code index}-th read of the thread). */
    private void recordBackward(Read read, ThreadTrack track, boolean moved, long index) {
        int t = read.thread();
        double magnitude = (track.previousValue - read.value()) * nsPerUnit;
        thread.backward(magnitude);
        track.backwardness.backward(magnitude);
        Cause cause = track.cause(read, moved);
        byCause[cause.ordinal()]++;
        if (log.count()) {
            log.keep(new BackwardEvent(read.samplePs(), t, t, source, EventKind.THREAD, track.previousCore,
                    read.core(), magnitude, cause));
        }
        windows.backward(t, index);
    }

    /**
     * Whether fast mode may aggregate the thread's next reads: they read the time, the thread has read
     * before (the aggregated reads continue from that reading), and its trace window is not being filled.
     */
    public boolean aggregatable(int thread) {
        ThreadTrack track = tracks[thread];
        return readsTime && track.reads > 0 && !track.trace.recording();
    }

    /**
     * {@code n} reads of the thread, on the core and in the clocksource epoch of its last read, none
     * backwards (nothing between two events changes what a read returns relative to the previous one):
     * counted as compared and (by their number) in inconsistency-check's windows; their error is the mean
     * of the errors of the exact reads around them (affine in between); their latencies are drawn at the end.
     */
    public void aggregated(int thread, long n, SteadyCall call) {
        ThreadTrack track = tracks[thread];
        track.reads += n;
        this.thread.compared(n);
        track.pendingReads += n;
        aggregated.add(track.previousSwitches, n, call);
    }

    /**
     * One of the reads just {@link #aggregated} was the first after a migration the thread settled among them
     * (its reads are the same on every core): a migrated read, which took {@code latencyPs} with the
     * migration's gap (-1 when the gap fell in a think time, leaving the read's latency alone).
     */
    public void aggregatedMigration(int thread, SteadyCall call, long latencyPs) {
        ThreadTrack track = tracks[thread];
        migratedReads++;
        track.previousMigrations = scheduler.migrations(thread);
        track.previousCore = scheduler.coreOf(thread);
        if (latencyPs >= 0) {
            aggregated.recordedApart(track.previousSwitches, call);
            latency.record(track.previousSwitches, latencyPs);
        }
    }

    /**
     * One of the reads just {@link #aggregated} was delayed by a plain tick's write of the data page (it waited for
     * the write's end, or {@code retried}): it took {@code latencyPs}.
     */
    public void aggregatedTickRead(int thread, SteadyCall call, long latencyPs, boolean retried) {
        if (retried) {
            retries++;
        }
        int switches = tracks[thread].previousSwitches;
        aggregated.recordedApart(switches, call);
        latency.record(switches, latencyPs);
    }

    /** Reads aggregated so far (fast mode). */
    public long aggregatedReads() {
        return aggregated.total();
    }

    /** Reads completed so far, all threads. */
    public long reads() {
        long total = 0;
        for (ThreadTrack track : tracks) {
            total += track.reads;
        }
        return total;
    }

    public SourceResult result() {
        for (ThreadTrack track : tracks) { // aggregated reads with no exact read after them
            error.addMany(track.pendingReads, track.lastErrorNs);
            track.pendingReads = 0;
        }
        aggregated.drawInto(latency);
        List<ThreadStats> threads = new ArrayList<>();
        List<List<TracedRead>> traceWindows = new ArrayList<>();
        long[] reads = new long[tracks.length];
        for (int t = 0; t < tracks.length; t++) {
            ThreadTrack track = tracks[t];
            reads[t] = track.reads;
            threads.add(new ThreadStats(t, track.reads, scheduler.migrations(t), track.backwardness.backwardEvents(),
                    track.backwardness.maxBackwardNs()));
            traceWindows.add(track.trace.reads());
        }
        List<BackwardEvent> events = new ArrayList<>(log.events());
        events.sort(IN_TIME_ORDER);
        Map<Cause, Long> causes = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            if (byCause[cause.ordinal()] > 0) {
                causes.put(cause, byCause[cause.ordinal()]);
            }
        }
        return new SourceResult(source, readsTime, reads(), thread.stats(),
                crossThreadObserved && readsTime ? crossThread.stats() : null, latency.total(), error.stats(),
                migratedReads,
                cpuReported ? cpuChangesSeen : -1, threads, events, log.total(), traceWindows,
                new SourceResult.KernelEffects(retries, failedReads, staleCpu), causes, latency.byClocksource(),
                readsTime ? windows.result(reads) : new SourceResult.Windows(0, 0), span.result(), aggregated.total());
    }
}
