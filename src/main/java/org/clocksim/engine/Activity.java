package org.clocksim.engine;

/**
 * A process that acts between events without going through the event queue (a thread's reads,
 * say). The loop calls it before each event so that it can catch up: it must perform every action
 * due strictly before {@code limitPs}, and nothing at or after it.
 */
@FunctionalInterface
public interface Activity {
    void advanceTo(long limitPs);
}
