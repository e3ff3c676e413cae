package org.clocksim.kernel;

/** Told when the scheduler moves a thread: it is off-CPU from {@code timePs} for {@code gapPs}. */
@FunctionalInterface
public interface MigrationListener {
    void migrated(int thread, long timePs, long gapPs);
}
