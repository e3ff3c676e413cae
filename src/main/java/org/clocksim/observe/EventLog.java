package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the first {@code cap} backward events and counts all of them; the caller builds an event only
 * when it is kept, so a run with millions of backward steps allocates no more than {@code cap} events.
 */
final class EventLog {
    private final int cap;
    private final List<BackwardEvent> events = new ArrayList<>();
    private long total;

    EventLog(int cap) {
        this.cap = cap;
    }

    /** Counts one event; true when it is to be kept ({@link #keep} it then). */
    boolean count() {
        total++;
        return events.size() < cap;
    }

    void keep(BackwardEvent event) {
        events.add(event);
    }

    List<BackwardEvent> events() {
        return events;
    }

    long total() {
        return total;
    }
}
