package org.clocksim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by time, then by a tie key: with {@link TieOrder#FIFO} the
 * insertion sequence, so that events at the same time fire in the order they were scheduled,
 * whatever the heap's internal layout; with {@link TieOrder#random(long)} a key drawn per event
 * from the queue's own generator, so that ties fire in a random (but, for a seed, reproducible)
 * order. Scheduling allocates only when the heap grows.
 *
 * <p>Tuned for the simulation's common case, a handler that reschedules itself (a tick, a migration,
 * the watchdog): while the earliest event fires it stays at the root, and the first event its handler
 * schedules replaces it there with one sift-down (a fused "replace top") instead of a removal and an
 * insertion. Each entry's time and tie key sit next to each other in one array, so a comparison touches
 * one cache line; the sift-down goes bottom-up (Floyd): the hole descends along the smaller children to a
 * leaf, then the new entry climbs back, which saves a comparison per level, since it usually belongs low.
 */
public final class EventQueue {
    /** The key of a free slot: later than any event, so a missing right child is never chosen. */
    private static final long EMPTY = Long.MAX_VALUE;
    /** keys[2i] is entry i's time, keys[2i + 1] its tie key; slots at and beyond {@code size} hold {@link #EMPTY}. */
    private long[] keys = emptyKeys(32);
    private EventHandler[] handlers = new EventHandler[16];
    private int size;
    private long nextSequence;
    private final RandomStream tieRandom;
    /** True while the root's handler fires and nothing has replaced the root yet. */
    private boolean rootFiring;

    /** A queue breaking ties in scheduling order. */
    public EventQueue() {
        this(TieOrder.FIFO);
    }

    public EventQueue(TieOrder tieOrder) {
        tieRandom = tieOrder instanceof TieOrder.Random random ? new RandomStream(random.seed()) : null;
    }

    public void schedule(long timePs, EventHandler handler) {
        long sequence = tieRandom == null ? nextSequence++ : tieRandom.nextLong();
        if (rootFiring) {
            rootFiring = false;
            siftDown(timePs, sequence, handler, size);
            return;
        }
        if (size + 1 == handlers.length) { // keep one free slot beyond the last entry
            long[] grown = emptyKeys(4 * handlers.length);
            System.arraycopy(keys, 0, grown, 0, 2 * size);
            keys = grown;
            handlers = Arrays.copyOf(handlers, 2 * handlers.length);
        }
        siftUp(size++, timePs, sequence, handler);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : keys[0];
    }

    /** Removes the earliest event and fires it. */
    public void fireNext() {
        if (size == 0) {
            throw new IllegalStateException("no event to fire");
        }
        long time = keys[0];
        EventHandler handler = handlers[0];
        rootFiring = true;
        try {
            handler.fire(time);
        } finally {
            if (rootFiring) { // the handler scheduled nothing: remove the root the ordinary way
                rootFiring = false;
                removeRoot();
            }
        }
    }

    private void removeRoot() {
        int last = --size;
        EventHandler handler = handlers[last];
        long time = keys[2 * last];
        long sequence = keys[2 * last + 1];
        handlers[last] = null;
        keys[2 * last] = EMPTY;
        keys[2 * last + 1] = EMPTY;
        if (last > 0) {
            siftDown(time, sequence, handler, last);
        }
    }

    private void siftUp(int index, long time, long sequence, EventHandler handler) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, sequence, keys[2 * parent], keys[2 * parent + 1])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, time, sequence, handler);
    }

    /** Puts the entry at the root of a heap of {@code n} entries (the root's slot is free), bottom-up. */
    private void siftDown(long time, long sequence, EventHandler handler, int n) {
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            // branch-free choice of the smaller child (the right one, when missing, is EMPTY and loses)
            int right = child + 1;
            child += before(keys[2 * right], keys[2 * right + 1], keys[2 * child], keys[2 * child + 1]) ? 1 : 0;
            move(child, hole);
            hole = child;
        }
        while (hole > 0) { // climb back from the leaf to where the entry belongs
            int parent = (hole - 1) >>> 1;
            if (!before(time, sequence, keys[2 * parent], keys[2 * parent + 1])) {
                break;
            }
            move(parent, hole);
            hole = parent;
        }
        set(hole, time, sequence, handler);
    }

    /** (time, tie key) order, without short-circuit branches (the comparisons are data-dependent). */
    private static boolean before(long timeA, long sequenceA, long timeB, long sequenceB) {
        return timeA < timeB | timeA == timeB & sequenceA < sequenceB;
    }

    private static long[] emptyKeys(int length) {
        long[] keys = new long[length];
        Arrays.fill(keys, EMPTY);
        return keys;
    }

    private void move(int from, int to) {
        keys[2 * to] = keys[2 * from];
        keys[2 * to + 1] = keys[2 * from + 1];
        handlers[to] = handlers[from];
    }

    private void set(int index, long time, long sequence, EventHandler handler) {
        keys[2 * index] = time;
        keys[2 * index + 1] = sequence;
        handlers[index] = handler;
    }
}
