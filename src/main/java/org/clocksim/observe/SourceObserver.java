package org.clocksim.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.clocksim.kernel.Scheduler;
import org.clocksim.source.Read;
import org.clocksim.source.SourceId;
import org.clocksim.source.TimeSource;

/**
 * Watches every completed read of one source in one pass. Per thread: a reading smaller than the
 * thread's previous reading of the same source is a backward event, caused by {@code migration} if
 * the thread moved in between, else {@code same-core}. Under a lock: a reading smaller than the last
 * value another thread wrote is a cross-thread backward event. Comparisons are on the raw values
 * in the source's own unit, as the program sees them; magnitudes are converted to ns.
 */
public final class SourceObserver {
    private static final int SIGNIFICANT_DIGITS = 3;
    static final int WINDOW = 64;
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
    private final boolean[] windowFailed;
    private long windows;
    private long failingWindows;
    private long firstPs = -1;
    private double firstNs;
    private long lastPs;
    private double lastNs;
    private long failedReads;
    private long retries;
    private long staleCpu;
    private final long[] reads;
    private final Backwardness[] perThread;
    private final TraceWindow[] traces;
    private final Backwardness thread = new Backwardness();
    private final Backwardness crossThread = new Backwardness();
    private final List<Histogram> latencyByClocksource = new ArrayList<>();
    private Histogram currentLatency = new Histogram(SIGNIFICANT_DIGITS);
    private int currentSwitches;
    private final ErrorAccumulator error = new ErrorAccumulator();
    private final EventLog log;
    private long migratedReads;
    private long cpuChangesSeen;
    private boolean cpuReported;
    private boolean anyWritten;
    private long lastWrittenValue;
    private int lastWriterThread;
    private int lastWriterCore;

    public SourceObserver(TimeSource source, Scheduler scheduler, boolean crossThreadObserved, int maxEvents) {
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
        this.windowFailed = new boolean[threads];
        this.reads = new long[threads];
        this.perThread = new Backwardness[threads];
        this.traces = new TraceWindow[threads];
        for (int i = 0; i < threads; i++) {
            perThread[i] = new Backwardness();
            traces[i] = new TraceWindow();
        }
        this.log = new EventLog(maxEvents);
    }

    /** A completed read, compared with the same thread's previous one. */
    public void onRead(Read read) {
        observe(read, false);
    }

    /**
     * A read taken under the lock: compared with the last value written under it by another
     * thread, then written as the new last value (the kernel's TSC warp test, Molnar's
     * time-warp-test: KERNEL-FACTS.md §4, §5); and, like any read, with the thread's previous one.
     */
    public void onLockedRead(Read read) {
        if (read.failed() || !readsTime) {
            observe(read, false);
            return;
        }
        boolean backward = false;
        if (anyWritten && lastWriterThread != read.thread()) {
            crossThread.compared();
            if (read.value() < lastWrittenValue) {
                backward = true;
                double magnitude = (lastWrittenValue - read.value()) * nsPerUnit;
                crossThread.backward(magnitude);
                byCause[Cause.HANDOFF.ordinal()]++;
                log.add(new BackwardEvent(read.samplePs(), read.thread(), lastWriterThread, source,
                        EventKind.CROSS_THREAD, lastWriterCore, read.core(), magnitude, Cause.HANDOFF));
            }
        }
        anyWritten = true;
        lastWrittenValue = read.value();
        lastWriterThread = read.thread();
        lastWriterCore = read.core();
        observe(read, backward);
    }

    /** Per-thread checks; {@code backwardAcrossThreads} marks the read in the trace either way. */
    private void observe(Read read, boolean backwardAcrossThreads) {
        int t = read.thread();
        if (read.switchesAtSample() != currentSwitches) {
            currentLatency = clocksourceLatency(read.switchesAtSample());
            currentSwitches = read.switchesAtSample();
        }
        currentLatency.recordValue(read.latencyPs());
        retries += read.retries();
        if (read.failed()) {
            failedReads++;
            return;
        }
        if (!readsTime) {
            if (read.value() != read.coreAtEnd()) {
                staleCpu++;
            }
            reads[t]++;
            return;
        }
        double readingNs = timeSource.sinceEpochNs(read.value());
        error.add(readingNs - read.samplePs() / 1000.0);
        span(read.samplePs(), readingNs);
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
                double magnitude = (previousValue[t] - read.value()) * nsPerUnit;
                thread.backward(magnitude);
                perThread[t].backward(magnitude);
                Cause cause = cause(read, moved);
                byCause[cause.ordinal()]++;
                log.add(new BackwardEvent(read.samplePs(), t, t, source, EventKind.THREAD, previousCore[t],
                        read.core(), magnitude, cause));
            }
        }
        traces[t].add(read.samplePs(), readingNs, read.core(), moved, backward || backwardAcrossThreads);
        window(t, index, backward);
        cpuReported |= read.reportedCpu() != Read.NO_CPU;
        previousValue[t] = read.value();
        previousCore[t] = read.core();
        previousMigrations[t] = read.migrationsAtSample();
        previousCpu[t] = read.reportedCpu();
        previousSwitches[t] = read.switchesAtSample();
        previousTscWrites[t] = read.tscWritesAtSample();
        previousNtpSteps[t] = read.ntpStepsAtSample();
    }

    /**
     * inconsistency-check's windows (selftests/timers/inconsistency-check.c, KERNEL-FACTS.md §5):
     * each thread's reads in consecutive blocks of {@link #WINDOW}; a block fails if a reading in it
     * is smaller than the one before it. A block the run did not complete is not counted.
     */
    private void window(int t, long index, boolean backward) {
        if (backward && index % WINDOW != 0) {
            windowFailed[t] = true;
        }
        if (index % WINDOW == WINDOW - 1) {
            windows++;
            if (windowFailed[t]) {
                failingWindows++;
            }
            windowFailed[t] = false;
        }
    }

    /** The first and last readings in true time: the clock's rate over the run. */
    private void span(long samplePs, double readingNs) {
        if (firstPs < 0 || samplePs < firstPs) {
            firstPs = samplePs;
            firstNs = readingNs;
        }
        if (samplePs >= lastPs) {
            lastPs = samplePs;
            lastNs = readingNs;
        }
    }

    /** The latency histogram of reads made after {@code switches} clocksource switches. */
    private Histogram clocksourceLatency(int switches) {
        if (latencyByClocksource.isEmpty()) {
            latencyByClocksource.add(currentLatency);
        }
        while (latencyByClocksource.size() <= switches) {
            latencyByClocksource.add(new Histogram(SIGNIFICANT_DIGITS));
        }
        return latencyByClocksource.get(switches);
    }

    /**
     * What explains a backward step against the thread's previous reading, most specific first: a
     * clocksource switch, a TSC write, a naive NTP step, a migration; else the source itself.
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
        List<ThreadStats> threads = new ArrayList<>();
        List<List<TracedRead>> traceWindows = new ArrayList<>();
        for (int t = 0; t < reads.length; t++) {
            threads.add(new ThreadStats(t, reads[t], scheduler.migrations(t), perThread[t].backwardEvents(),
                    perThread[t].maxBackwardNs()));
            traceWindows.add(traces[t].reads());
        }
        List<Histogram> byClocksource = latencyByClocksource.isEmpty() ? List.of(currentLatency) : latencyByClocksource;
        Histogram latency = new Histogram(SIGNIFICANT_DIGITS);
        byClocksource.forEach(latency::add);
        List<BackwardEvent> events = new ArrayList<>(log.events());
        events.sort(IN_TIME_ORDER);
        Map<Cause, Long> causes = new EnumMap<>(Cause.class);
        for (Cause cause : Cause.values()) {
            if (byCause[cause.ordinal()] > 0) {
                causes.put(cause, byCause[cause.ordinal()]);
            }
        }
        return new SourceResult(source, readsTime, reads(), thread.stats(),
                crossThreadObserved && readsTime ? crossThread.stats() : null, latency, error.stats(), migratedReads,
                cpuReported ? cpuChangesSeen : -1, threads, events, log.total(), traceWindows,
                new SourceResult.KernelEffects(retries, failedReads, staleCpu), causes, byClocksource,
                new SourceResult.Windows(windows, failingWindows),
                new SourceResult.Span(Math.max(0, firstPs), firstNs, lastPs, lastNs));
    }
}
