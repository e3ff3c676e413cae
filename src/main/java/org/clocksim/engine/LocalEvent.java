package org.clocksim.engine;

/**
 * An event that affects only part of the activities' state (one thread's migration, say) and brings
 * that part up to its time itself before it acts: the loop does not advance every activity before it.
 * Fast mode's scoped stretches (docs/PERFORMANCE.md, "Event scopes").
 */
@FunctionalInterface
public interface LocalEvent extends EventHandler {
}
