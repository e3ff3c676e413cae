package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;

/** Keeps the first {@code cap} backward events and counts all of them. */
final class EventLog {
    private final int cap;
    private final List<BackwardEvent> events = new ArrayList<>();
    private long total;

    EventLog(int cap) {
        this.cap = cap;
    }

    void add(BackwardEvent event) {
        total++;
        if (events.size() < cap) {
            events.add(event);
        }
    }

    List<BackwardEvent> events() {
        return events;
    }

    long total() {
        return total;
    }
}
