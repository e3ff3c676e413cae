package org.clocksim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by time, then by a tie key: with {@link TieOrder#FIFO} the
 * insertion sequence, so that events at the same time fire in the order they were scheduled,
 * whatever the heap's internal layout; with {@link TieOrder#random(long)} a key drawn per event
 * from the queue's own generator, so that ties fire in a random (but, for a seed, reproducible)
 * order. Scheduling allocates only when the queue grows.
 *
 * <p>Tuned for the simulation's common case, a handler that reschedules itself (a tick, a migration,
 * the watchdog): while the earliest event fires it stays at the root, and the first event its handler
 * schedules replaces it there with one sift-down (a fused "replace top") instead of a removal and an
 * insertion. The heap is primitive: an entry is two longs side by side, its time and its tie key packed
 * with the number of the slot that holds its handler ({@code tie << ID_BITS | id}), so a comparison
 * touches one cache line and moving an entry writes no reference (no GC write barrier). The sift-down
 * goes bottom-up (Floyd): the hole descends along the smaller children to a leaf, then the new entry
 * climbs back, which saves a comparison per level, since it usually belongs low; the child choice is
 * branch-free.
 *
 * <p>A FIFO sequence has {@code 63 - ID_BITS} bits; when it runs out, the pending events are renumbered
 * in their order (so the order never changes). A random tie key keeps the top {@code 64 - ID_BITS} bits
 * of the generator's draw, so two simultaneous events tie on the key with probability 2^-40; they then
 * fire by slot number.
 */
public final class EventQueue {
    /** Bits of the packed key that number the handler's slot: at most 2^24 pending events. */
    static final int ID_BITS = 24;
    private static final long ID_MASK = (1L << ID_BITS) - 1;
    /** The key of a free slot: later than any event, so a missing right child is never chosen. */
    private static final long EMPTY = Long.MAX_VALUE;
    /** keys[2i] is entry i's time, keys[2i + 1] its packed tie key; slots at and beyond {@code size} hold {@link #EMPTY}. */
    private long[] keys = emptyKeys(32);
    /** Handlers by slot number; free slot numbers are stacked in {@link #freeIds}. */
    private EventHandler[] handlers = new EventHandler[16];
    private int[] freeIds = new int[16];
    private int freeCount;
    private int nextId;
    private int size;
    private long nextSequence;
    private final long sequenceLimit;
    private final RandomStream tieRandom;
    /** True while the root's handler fires and nothing has replaced the root yet. */
    private boolean rootFiring;

    /** A queue breaking ties in scheduling order. */
    public EventQueue() {
        this(TieOrder.FIFO);
    }

    public EventQueue(TieOrder tieOrder) {
        this(tieOrder, 1L << (63 - ID_BITS));
    }

    /** A queue whose FIFO sequence is renumbered when it reaches {@code sequenceLimit} (tests use a small one). */
    EventQueue(TieOrder tieOrder, long sequenceLimit) {
        tieRandom = tieOrder instanceof TieOrder.Random random ? new RandomStream(random.seed()) : null;
        this.sequenceLimit = sequenceLimit;
    }

    public void schedule(long timePs, EventHandler handler) {
        long tie = nextTie();
        if (rootFiring) { // the fired root's slot number passes to the event that replaces it
            rootFiring = false;
            int id = (int) (keys[1] & ID_MASK);
            handlers[id] = handler;
            siftDown(timePs, tie << ID_BITS | id, size);
            return;
        }
        if (size + 1 == keys.length / 2) { // keep one free slot beyond the last entry
            long[] grown = emptyKeys(2 * keys.length);
            System.arraycopy(keys, 0, grown, 0, 2 * size);
            keys = grown;
        }
        int id = takeId();
        handlers[id] = handler;
        siftUp(size++, timePs, tie << ID_BITS | id);
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

    /** Whether the earliest event is a {@link LocalEvent}; false when the queue is empty. */
    public boolean peekLocal() {
        return size > 0 && handlers[(int) (keys[1] & ID_MASK)] instanceof LocalEvent;
    }

    /** Removes the earliest event and fires it. */
    public void fireNext() {
        if (size == 0) {
            throw new IllegalStateException("no event to fire");
        }
        long time = keys[0];
        EventHandler handler = handlers[(int) (keys[1] & ID_MASK)];
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

    private long nextTie() {
        if (tieRandom != null) {
            return tieRandom.nextLong() >> ID_BITS;
        }
        if (nextSequence == sequenceLimit) {
            renumber();
        }
        return nextSequence++;
    }

    /** Gives the pending events the sequences 0, 1, ... in their order; a sorted array is a heap. */
    private void renumber() {
        long[][] entries = new long[size][];
        for (int i = 0; i < size; i++) {
            entries[i] = new long[] {keys[2 * i], keys[2 * i + 1]};
        }
        Arrays.sort(entries, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        for (int i = 0; i < size; i++) {
            keys[2 * i] = entries[i][0];
            keys[2 * i + 1] = (long) i << ID_BITS | (entries[i][1] & ID_MASK);
        }
        nextSequence = size;
    }

    private int takeId() {
        if (freeCount > 0) {
            return freeIds[--freeCount];
        }
        if (nextId > ID_MASK) {
            throw new IllegalStateException("more than " + (ID_MASK + 1) + " pending events");
        }
        if (nextId == handlers.length) {
            handlers = Arrays.copyOf(handlers, 2 * handlers.length);
            freeIds = Arrays.copyOf(freeIds, 2 * freeIds.length);
        }
        return nextId++;
    }

    private void removeRoot() {
        int freed = (int) (keys[1] & ID_MASK);
        handlers[freed] = null;
        freeIds[freeCount++] = freed;
        int last = --size;
        long time = keys[2 * last];
        long tie = keys[2 * last + 1];
        keys[2 * last] = EMPTY;
        keys[2 * last + 1] = EMPTY;
        if (last > 0) {
            siftDown(time, tie, last);
        }
    }

    private void siftUp(int index, long time, long tie) {
        long[] k = keys;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(time, tie, k[2 * parent], k[2 * parent + 1])) {
                break;
            }
            k[2 * i] = k[2 * parent];
            k[2 * i + 1] = k[2 * parent + 1];
            i = parent;
        }
        k[2 * i] = time;
        k[2 * i + 1] = tie;
    }

    /** Puts the entry at the root of a heap of {@code n} entries (the root's slot is free), bottom-up. */
    private void siftDown(long time, long tie, int n) {
        long[] k = keys;
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < n) {
            // branch-free choice of the smaller child (the right one, when missing, is EMPTY and loses)
            int c = 2 * child;
            child += before(k[c + 2], k[c + 3], k[c], k[c + 1]) ? 1 : 0;
            k[2 * hole] = k[2 * child];
            k[2 * hole + 1] = k[2 * child + 1];
            hole = child;
        }
        while (hole > 0) { // climb back from the leaf to where the entry belongs
            int parent = (hole - 1) >>> 1;
            if (!before(time, tie, k[2 * parent], k[2 * parent + 1])) {
                break;
            }
            k[2 * hole] = k[2 * parent];
            k[2 * hole + 1] = k[2 * parent + 1];
            hole = parent;
        }
        k[2 * hole] = time;
        k[2 * hole + 1] = tie;
    }

    /** (time, tie key) order, without short-circuit branches (the comparisons are data-dependent). */
    private static boolean before(long timeA, long tieA, long timeB, long tieB) {
        return timeA < timeB | timeA == timeB & tieA < tieB;
    }

    private static long[] emptyKeys(int length) {
        long[] keys = new long[length];
        Arrays.fill(keys, EMPTY);
        return keys;
    }
}
