package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.TimeUnits;

/**
 * The reads of one thread around its first backward event: the {@link #BEFORE} reads before it
 * (kept in a ring of primitives, so recording allocates nothing), the event, and {@link #AFTER}
 * reads after it. Once complete it ignores further reads. In fast mode the reads before it are the last
 * ones that ran exactly: those next to the events before it, with the aggregated stretches between them
 * (docs/PERFORMANCE.md); the reads after it all run exactly.
 */
final class TraceWindow {
    static final int BEFORE = 100;
    static final int AFTER = 100;

    private final long[] timePs = new long[BEFORE];
    private final double[] readingNs = new double[BEFORE];
    private final int[] core = new int[BEFORE];
    private final boolean[] migrated = new boolean[BEFORE];
    private int ringCount;
    private int ringNext;
    private List<TracedRead> window;
    /** The window is complete: a flag, not a size comparison, because every later read asks. */
    private boolean complete;

    /** Whether the thread has gone backwards (its window is being, or has been, filled). */
    boolean started() {
        return window != null;
    }

    /** Whether the window is being filled: every read counts. */
    boolean recording() {
        return window != null && !complete;
    }

    /** One read; {@code handedBackNs} and {@code handedBy} as in {@link TracedRead}. */
    void add(long samplePs, double reading, int readCore, boolean moved, boolean backward, double handedBackNs,
             int handedBy) {
        if (complete) {
            return;
        }
        if (window != null) {
            window.add(traced(samplePs, reading, readCore, moved, backward, handedBackNs, handedBy));
            complete = window.size() == ringCount + 1 + AFTER;
            return;
        }
        if (backward) {
            window = new ArrayList<>(ringCount + 1 + AFTER);
            for (int i = 0; i < ringCount; i++) {
                int at = (ringNext - ringCount + i + BEFORE) % BEFORE;
                window.add(traced(timePs[at], readingNs[at], core[at], migrated[at], false, 0, -1));
            }
            window.add(traced(samplePs, reading, readCore, moved, true, handedBackNs, handedBy));
            return;
        }
        timePs[ringNext] = samplePs;
        readingNs[ringNext] = reading;
        core[ringNext] = readCore;
        migrated[ringNext] = moved;
        ringNext = ringNext + 1 == BEFORE ? 0 : ringNext + 1;
        if (ringCount < BEFORE) {
            ringCount++;
        }
    }

    /** The window, or an empty list if the thread never went backwards. */
    List<TracedRead> reads() {
        return window == null ? List.of() : List.copyOf(window);
    }

    private static TracedRead traced(long samplePs, double reading, int readCore, boolean moved, boolean backward,
                                     double handedBackNs, int handedBy) {
        return new TracedRead(samplePs, reading, reading - TimeUnits.ns(samplePs), readCore, moved, backward,
                handedBackNs, handedBy);
    }
}
