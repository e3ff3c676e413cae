package org.clocksim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The simulation loop. Before each event, every activity catches up to the event's time; then the
 * event fires. A {@link LocalEvent} catches up itself the part of the activities it affects, so
 * before it the loop advances nothing. Events scheduled at or after the end are never fired; at the
 * end every activity catches up.
 */
public final class Simulation {
    private final EventQueue queue;
    private final List<Activity> activities = new ArrayList<>();
    private long nowPs;
    private long fired;

    /** A simulation whose simultaneous events fire in the order they were scheduled. */
    public Simulation() {
        this(TieOrder.FIFO);
    }

    public Simulation(TieOrder tieOrder) {
        queue = new EventQueue(tieOrder);
    }

    public void schedule(long timePs, EventHandler handler) {
        if (timePs < nowPs) {
            throw new IllegalArgumentException("event at " + timePs + " ps is in the past (now " + nowPs + " ps)");
        }
        queue.schedule(timePs, handler);
    }

    public void addActivity(Activity activity) {
        activities.add(activity);
    }

    /** The time of the event being fired, or of the last one fired. */
    public long now() {
        return nowPs;
    }

    /** Runs until {@code endPs}: activities act strictly before it, events fire strictly before it. */
    public void run(long endPs) {
        while (true) {
            long next = Math.min(queue.peekTime(), endPs);
            if (next >= endPs || !queue.peekLocal()) {
                catchUp(next);
            }
            nowPs = next;
            if (next >= endPs) {
                return;
            }
            queue.fireNext();
            fired++;
        }
    }

    /** Brings every activity up to {@code timePs} (what the loop does before an event that is not local). */
    public void catchUp(long timePs) {
        for (Activity activity : activities) {
            activity.advanceTo(timePs);
        }
    }

    /** How many events have fired so far. */
    public long eventsFired() {
        return fired;
    }
}
