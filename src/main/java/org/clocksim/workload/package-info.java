/**
 * The simulated program: threads that call a time source in a loop, independently or taking a
 * shared lock in turn. Workloads are engine activities: they run their threads' steps between
 * events, without going through the event queue.
 *
 * <p>Depends on {@code engine}, {@code kernel}, {@code source} and {@code observe}.
 */
package org.clocksim.workload;
