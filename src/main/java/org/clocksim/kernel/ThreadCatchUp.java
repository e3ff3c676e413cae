package org.clocksim.kernel;

/**
 * Fast mode's catch-up of one thread at a time, before that thread's own migrations ({@link Scheduler#catchUpLocally})
 * and, at a tick, of the threads it concerns ({@link Kernel#scopeTicks}).
 */
public interface ThreadCatchUp extends TickCatchUp {
    /** Brings the thread's activity up to a time: everything it does strictly before {@code limitPs}. */
    void advanceThread(int thread, long limitPs);

    /**
     * Until when (at least) the thread's reads return and take the same on every core (the syscall on a
     * platform timer, until the next tick), or {@link Long#MIN_VALUE}: its migrations before then change
     * nothing but its timing, and the thread is not caught up before them; it settles them when its activity
     * reaches them ({@link Scheduler#settle}).
     */
    long coreBlindUntilPs(int thread);
}
