package org.clocksim.engine;

/** What happens when an event fires. */
@FunctionalInterface
public interface EventHandler {
    void fire(long timePs);
}
