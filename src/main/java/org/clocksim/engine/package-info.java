/**
 * The discrete-event engine: an event queue with deterministic tie-breaking (scheduling order, or a
 * seeded random order to verify that nothing depends on it), the simulation loop that advances
 * activities between events, and named random streams.
 *
 * <p>Knows nothing of clocks, cores or time sources; depends on nothing else in clocksim.
 * Time here is a {@code long} count of picoseconds of true (simulation) time.
 */
package org.clocksim.engine;
