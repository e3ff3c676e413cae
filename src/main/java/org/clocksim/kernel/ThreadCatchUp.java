package org.clocksim.kernel;

/** Brings one thread's activity up to a time: everything it does strictly before {@code limitPs}. */
@FunctionalInterface
public interface ThreadCatchUp {
    void advanceThread(int thread, long limitPs);
}
