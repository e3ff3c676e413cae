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

    /** The ring's size: a power of two at least {@link #BEFORE}, so that a slot is a mask away. */
    private static final int RING = Integer.highestOneBit(BEFORE - 1) << 1;

    private final long[] timePs = new long[RING];
    private final double[] readingNs = new double[RING];
    /** The core, shifted left by one, and whether the thread had migrated (the low bit). */
    private final int[] coreAndMoved = new int[RING];
    /** Reads put in the ring so far; the last {@link #BEFORE} of them are kept. */
    private long ringReads;
    private List<TracedRead> window;
    /** The window's size once complete: the reads kept before the backward one, it, and {@link #AFTER}. */
    private int size;
    /** The window is complete: a flag, not a size comparison, because every later read asks. */
    private boolean complete;

    /** Whether the window is being filled: every read counts. */
    boolean recording() {
        return window != null && !complete;
    }

    /** One read; {@code handedBackNs} and {@code handedBy} as in {@link TracedRead}. */
    void add(long samplePs, double reading, int readCore, boolean moved, boolean backward, double handedBackNs,
             int handedBy) {
        if (window == null && !backward) { // every read until the first backward one: into the ring
            int at = (int) ringReads & (RING - 1);
            timePs[at] = samplePs;
            readingNs[at] = reading;
            coreAndMoved[at] = readCore << 1 | (moved ? 1 : 0);
            ringReads++;
            return;
        }
        if (!complete) {
            addToWindow(traced(samplePs, reading, readCore, moved, backward, handedBackNs, handedBy));
        }
    }

    /** The first backward read starts the window with the ring's reads before it; the reads after it follow. */
    private void addToWindow(TracedRead read) {
        if (window != null) {
            window.add(read);
            complete = window.size() == size;
            return;
        }
        int kept = (int) Math.min(ringReads, BEFORE);
        size = kept + 1 + AFTER;
        window = new ArrayList<>(size);
        for (long i = ringReads - kept; i < ringReads; i++) {
            int at = (int) i & (RING - 1);
            window.add(traced(timePs[at], readingNs[at], coreAndMoved[at] >> 1, (coreAndMoved[at] & 1) != 0, false,
                    0, -1));
        }
        window.add(read);
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
