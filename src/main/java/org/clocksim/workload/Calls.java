package org.clocksim.workload;

import java.util.List;
import org.clocksim.observe.CrossSourceObserver;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;

/**
 * The sources a workload's threads call and who watches them: one source per pass, or several
 * that each thread calls in turn ({@code workload.mode: alternate}). Each thread has its own
 * {@link Read} per source, reused for every call.
 */
final class Calls {
    /**
     * A call occupies its thread for at least this long, whatever its latency: a zero-latency source
     * with zero think time would otherwise never let simulated time advance.
     */
    static final long MIN_CALL_PS = 1;

    private final TimeSource[] sources;
    private final SourceObserver[] observers;
    private final CrossSourceObserver crossSource;
    private final Read[][] reads;
    private final int[] current;

    /** @param crossSource watches the alternation, or null for a single source */
    Calls(int threads, List<TimeSource> sources, List<SourceObserver> observers, CrossSourceObserver crossSource) {
        this.sources = sources.toArray(TimeSource[]::new);
        this.observers = observers.toArray(SourceObserver[]::new);
        this.crossSource = crossSource;
        this.reads = new Read[threads][this.sources.length];
        this.current = new int[threads];
        for (int t = 0; t < threads; t++) {
            for (int s = 0; s < this.sources.length; s++) {
                reads[t][s] = this.sources[s].open(t);
            }
        }
    }

    int threads() {
        return reads.length;
    }

    /** Whether every thread calls one source (fast mode aggregates only then). */
    boolean singleSource() {
        return sources.length == 1;
    }

    SourceObserver observer(int thread) {
        return observers[current[thread]];
    }

    TimeSource source(int thread) {
        return sources[current[thread]];
    }

    Read read(int thread) {
        return reads[thread][current[thread]];
    }

    /**
     * The thread's call has returned: observe it and move on to its next source.
     *
     * @return when the thread is free again ({@link #freeAfter})
     */
    long completed(int thread, boolean underLock) {
        int s = current[thread];
        Read read = reads[thread][s];
        if (underLock) {
            observers[s].onLockedRead(read);
        } else {
            observers[s].onRead(read);
        }
        if (crossSource != null) {
            crossSource.onRead(s, read);
        }
        current[thread] = s + 1 == sources.length ? 0 : s + 1;
        return freeAfter(read.startPs(), read.endPs());
    }

    /**
     * When a thread whose call started at {@code startPs} and returned at {@code endPs} is free again: no earlier
     * than {@link #MIN_CALL_PS} after the start (docs/MODEL.md, "A call takes at least a picosecond").
     */
    static long freeAfter(long startPs, long endPs) {
        return Math.max(endPs, startPs + MIN_CALL_PS);
    }
}
