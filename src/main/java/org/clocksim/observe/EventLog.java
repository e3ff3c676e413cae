package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.RandomStream;

/**
 * Counts every backward event and keeps a uniform sample of at most {@code cap} of them over the whole
 * run: reservoir sampling (Vitter's Algorithm R, "Random sampling with a reservoir", ACM TOMS 1985):
 * the n-th event replaces a random kept one with probability cap/n. The draws come from a stream of
 * their own, so which events are kept never changes a simulated number. The caller builds an event
 * only when it is to be kept, so a run with millions of backward steps allocates about
 * cap·(1 + ln(total/cap)) events.
 */
final class EventLog {
    private final int cap;
    private final RandomStream random;
    private final List<BackwardEvent> kept = new ArrayList<>();
    private long total;
    private int slot;

    EventLog(int cap, RandomStream random) {
        this.cap = cap;
        this.random = random;
    }

    /** Counts one event; true when it is to be kept ({@link #keep} it then). */
    boolean count() {
        long index = total++;
        if (index < cap) {
            slot = (int) index;
            return true;
        }
        long drawn = random.nextLong(index + 1);
        slot = (int) drawn;
        return drawn < cap;
    }

    /** Keeps the event {@link #count} has just admitted, in place of the one it replaces. */
    void keep(BackwardEvent event) {
        if (slot == kept.size()) {
            kept.add(event);
        } else {
            kept.set(slot, event);
        }
    }

    /** The kept events, in no particular order. */
    List<BackwardEvent> events() {
        return kept;
    }

    long total() {
        return total;
    }
}
