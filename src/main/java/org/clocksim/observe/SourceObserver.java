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
    private final long[] previousValue;
    private final int[] previousCore;
    private final int[] previousMigrations;
    private final int[] previousCpu;
    private final int[] previousSwitches;
    private final int[] previousTscWrites;
    private final int[] previousNtpSteps;
    private final long[] byCause = new long[Cause.values().length];
    private final boolean readsTime;
    private final InconsistencyWindows windows;
    private final ReadingSpan span = new ReadingSpan();
    private final ClocksourceLatency latency = new ClocksourceLatency();
    private final LockedValue locked = new LockedValue();
    private long failedReads;
    private long retries;
    private long staleCpu;
    private final long[] reads;
    private final Backwardness[] perThread;
    private final TraceWindow[] traces;
    private final Backwardness thread = new Backwardness();
    private final Backwardness crossThread = new Backwardness();
    private final ErrorAccumulator error = new ErrorAccumulator();
    private final EventLog log;
    /** Fast mode: reads aggregated since each thread's last exact read, and the error expected of reads next to it. */
    private final long[] pendingReads;
    private final double[] lastErrorNs;
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
        this.previousValue = new long[threads];
        this.previousCore = new int[threads];
        this.previousMigrations = new int[threads];
        this.previousCpu = new int[threads];
        this.previousSwitches = new int[threads];
        this.previousTscWrites = new int[threads];
        this.previousNtpSteps = new int[threads];
        this.readsTime = source.readsTime();
        this.windows = new InconsistencyWindows(threads);
        this.reads = new long[threads];
        this.perThread = new Backwardness[threads];
        this.traces = new TraceWindow[threads];
        for (int i = 0; i < threads; i++) {
            perThread[i] = new Backwardness();
            traces[i] = new TraceWindow();
        }
        this.log = new EventLog(maxEvents, sampleRandom);
        this.pendingReads = new long[threads];
        this.lastErrorNs = new double[threads];
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
        int t = read.thread();
        latency.record(read.switchesAtSample(), read.latencyPs());
        retries += read.retries();
        if (read.failed() || !readsTime) {
            observeNoTime(read);
            return;
        }
        double readingNs = timeSource.sinceEpochNs(read.value());
        addError(read, t, readingNs);
        span.add(read.samplePs(), readingNs);
        long index = reads[t];
        boolean moved = false;
        boolean backward = false;
        if (reads[t]++ > 0) {
            moved = read.migrationsAtSample() != previousMigrations[t];
            if (moved) {
                migratedReads++;
            }
            if (read.reportedCpu() != Read.NO_CPU && read.reportedCpu() != previousCpu[t]) {
                cpuChangesSeen++;
            }
            thread.compared();
            if (read.value() < previousValue[t]) {
                backward = true;
                recordBackward(read, moved, index);
            }
        }
        traces[t].add(read.samplePs(), readingNs, read.core(), moved, backward || handedBackNs > 0, handedBackNs,
                handedBy);
        remember(read, t);
    }

    /** The reading's error against true time; before it, those of the reads aggregated since the thread's last. */
    private void addError(Read read, int t, double readingNs) {
        double errorNs = readingNs - TimeUnits.ns(read.samplePs());
        error.add(errorNs);
        // the error a continuous counter would give: affine between events (a coarse counter's steps add a
        // sawtooth, whose mean over the aggregated reads' mixed phases is half a step)
        double expectedNs = errorNs + read.counterLagNs() - read.counterStepNs() / 2;
        if (pendingReads[t] > 0) { // the aggregated reads lie between the last exact read and this one
            error.addMany(pendingReads[t], (lastErrorNs[t] + expectedNs) / 2);
            pendingReads[t] = 0;
        }
        lastErrorNs[t] = expectedNs;
    }

    /** The read becomes the thread's previous one. */
    private void remember(Read read, int t) {
        cpuReported |= read.reportedCpu() != Read.NO_CPU;
        previousValue[t] = read.value();
        previousCore[t] = read.core();
        previousMigrations[t] = read.migrationsAtSample();
        previousCpu[t] = read.reportedCpu();
        previousSwitches[t] = read.switchesAtSample();
        previousTscWrites[t] = read.tscWritesAtSample();
        previousNtpSteps[t] = read.ntpStepsAtSample();
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
        reads[read.thread()]++;
    }

    /** The read is behind the thread's previous one (the {@code index}-th read of the thread). */
    private void recordBackward(Read read, boolean moved, long index) {
        int t = read.thread();
        double magnitude = (previousValue[t] - read.value()) * nsPerUnit;
        thread.backward(magnitude);
        perThread[t].backward(magnitude);
        Cause cause = cause(read, moved);
        byCause[cause.ordinal()]++;
        if (log.count()) {
            log.keep(new BackwardEvent(read.samplePs(), t, t, source, EventKind.THREAD, previousCore[t],
                    read.core(), magnitude, cause));
        }
        windows.backward(t, index);
    }

    /**
     * Whether fast mode may aggregate the thread's next reads: they read the time, the thread has read
     * before (the aggregated reads continue from that reading), and its trace window is not being filled.
     */
    public boolean aggregatable(int thread) {
        return readsTime && reads[thread] > 0 && !traces[thread].recording();
    }

    /**
     * {@code n} reads of the thread, on the core and in the clocksource epoch of its last read, none
     * backwards (nothing between two events changes what a read returns relative to the previous one):
     * counted as compared and (by their number) in inconsistency-check's windows; their error is the mean
     * of the errors of the exact reads around them (affine in between); their latencies are drawn at the end.
     */
    public void aggregated(int thread, long n, SteadyCall call) {
        reads[thread] += n;
        this.thread.compared(n);
        pendingReads[thread] += n;
        aggregated.add(previousSwitches[thread], n, call);
    }

    /**
     * One of the reads just {@link #aggregated} was the first after a migration the thread settled among them
     * (its reads are the same on every core): a migrated read, which took {@code latencyPs} with the
     * migration's gap (-1 when the gap fell in a think time, leaving the read's latency alone).
     */
    public void aggregatedMigration(int thread, SteadyCall call, long latencyPs) {
        migratedReads++;
        previousMigrations[thread] = scheduler.migrations(thread);
        previousCore[thread] = scheduler.coreOf(thread);
        if (latencyPs >= 0) {
            aggregated.recordedApart(previousSwitches[thread], call);
            latency.record(previousSwitches[thread], latencyPs);
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
        aggregated.recordedApart(previousSwitches[thread], call);
        latency.record(previousSwitches[thread], latencyPs);
    }

    /** Reads aggregated so far (fast mode). */
    public long aggregatedReads() {
        return aggregated.total();
    }

    /**
     * What explains a backward step against the thread's previous reading, most specific first: a
     * clocksource switch, a TSC write, a naive NTP step, kvm-clock, a migration; else the source itself.
     */
    private Cause cause(Read read, boolean moved) {
        int t = read.thread();
        if (read.switchesAtSample() != previousSwitches[t]) {
            return Cause.CLOCKSOURCE_SWITCH;
        }
        if (read.tscWritesAtSample() != previousTscWrites[t]) {
            return Cause.TSC_WRITE;
        }
        if (read.ntpStepsAtSample() != previousNtpSteps[t]) {
            return Cause.NTP_STEP;
        }
        if (read.viaKvmClock()) {
            return Cause.KVM_CLOCK;
        }
        return moved ? Cause.MIGRATION : Cause.SAME_CORE;
    }

    /** Reads completed so far, all threads. */
    public long reads() {
        long total = 0;
        for (long r : reads) {
            total += r;
        }
        return total;
    }

    public SourceResult result() {
        for (int t = 0; t < pendingReads.length; t++) { // aggregated reads with no exact read after them
            error.addMany(pendingReads[t], lastErrorNs[t]);
            pendingReads[t] = 0;
        }
        aggregated.drawInto(latency);
        List<ThreadStats> threads = new ArrayList<>();
        List<List<TracedRead>> traceWindows = new ArrayList<>();
        for (int t = 0; t < reads.length; t++) {
            threads.add(new ThreadStats(t, reads[t], scheduler.migrations(t), perThread[t].backwardEvents(),
                    perThread[t].maxBackwardNs()));
            traceWindows.add(traces[t].reads());
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
