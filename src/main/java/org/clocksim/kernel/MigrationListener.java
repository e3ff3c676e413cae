package org.clocksim.kernel;

/** Told when the scheduler moves a thread: it is off-CPU from {@code timePs} for {@code gapPs}. */
@FunctionalInterface
public interface MigrationListener {
    void migrated(int thread, long timePs, long gapPs);

    /**
     * Whether it still acts on migrations: one that no longer does (a check that stopped) hears of none, and
     * a core-blind thread's next moves may then be drawn early, all at once ({@link Scheduler}).
     */
    default boolean listening() {
        return true;
    }
}
