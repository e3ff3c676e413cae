package org.clocksim.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events ordered by time, then by a tie key: with {@link TieOrder#FIFO} the
 * insertion sequence, so that events at the same time fire in the order they were scheduled,
 * whatever the heap's internal layout; with {@link TieOrder#random(long)} a key drawn per event
 * from the queue's own generator, so that ties fire in a random (but, for a seed, reproducible)
 * order. Parallel arrays: scheduling allocates only when the heap grows.
 */
public final class EventQueue {
    private long[] times = new long[16];
    private long[] sequences = new long[16];
    private EventHandler[] handlers = new EventHandler[16];
    private int size;
    private long nextSequence;
    private final RandomStream tieRandom;

    /** A queue breaking ties in scheduling order. */
    public EventQueue() {
        this(TieOrder.FIFO);
    }

    public EventQueue(TieOrder tieOrder) {
        tieRandom = tieOrder instanceof TieOrder.Random random ? new RandomStream(random.seed()) : null;
    }

    public void schedule(long timePs, EventHandler handler) {
        if (size == times.length) {
            int capacity = size * 2;
            times = Arrays.copyOf(times, capacity);
            sequences = Arrays.copyOf(sequences, capacity);
            handlers = Arrays.copyOf(handlers, capacity);
        }
        int i = size++;
        long sequence = tieRandom == null ? nextSequence++ : tieRandom.nextLong();
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(timePs, sequence, parent)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, timePs, sequence, handler);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Time of the earliest event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    /** Removes the earliest event and fires it. */
    public void fireNext() {
        if (size == 0) {
            throw new IllegalStateException("no event to fire");
        }
        long time = times[0];
        EventHandler handler = handlers[0];
        removeTop();
        handler.fire(time);
    }

    private void removeTop() {
        int last = --size;
        long time = times[last];
        long sequence = sequences[last];
        EventHandler handler = handlers[last];
        handlers[last] = null;
        if (last == 0) {
            return;
        }
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= last) {
                break;
            }
            if (child + 1 < last && before(times[child + 1], sequences[child + 1], child)) {
                child++;
            }
            if (!before(times[child], sequences[child], time, sequence)) {
                break;
            }
            move(child, i);
            i = child;
        }
        set(i, time, sequence, handler);
    }

    private boolean before(long time, long sequence, int index) {
        return before(time, sequence, times[index], sequences[index]);
    }

    private static boolean before(long timeA, long sequenceA, long timeB, long sequenceB) {
        return timeA < timeB || (timeA == timeB && sequenceA < sequenceB);
    }

    private void move(int from, int to) {
        set(to, times[from], sequences[from], handlers[from]);
    }

    private void set(int index, long time, long sequence, EventHandler handler) {
        times[index] = time;
        sequences[index] = sequence;
        handlers[index] = handler;
    }
}
