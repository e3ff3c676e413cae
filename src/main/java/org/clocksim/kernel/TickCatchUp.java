package org.clocksim.kernel;

/** What brings the threads up to a tick before it fires ({@link Kernel#scopeTicks}). */
@FunctionalInterface
public interface TickCatchUp {
    /**
     * Brings the threads up to {@code timePs}: all of them, or, when the tick is {@code plain} (it changes nothing
     * a read returns, only writes the data page), those whose reads could not cross it.
     */
    void beforeTick(long timePs, boolean plain);
}
