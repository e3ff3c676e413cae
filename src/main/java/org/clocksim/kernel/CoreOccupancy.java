package org.clocksim.kernel;

/**
 * How many threads each core has, kept up to date through migrations: a migrating thread counts on
 * its new core at once. What makes a core idle for the C-state model ({@link IdleCores}) and for the
 * TSC_ADJUST re-check ({@link TscAdjustCheck}).
 */
final class CoreOccupancy {
    private final Scheduler scheduler;
    private final int[] threadsOn;
    private final int[] coreOf;

    CoreOccupancy(Scheduler scheduler, int cores) {
        this.scheduler = scheduler;
        this.threadsOn = new int[cores];
        this.coreOf = new int[scheduler.threads()];
        for (int thread = 0; thread < coreOf.length; thread++) {
            coreOf[thread] = scheduler.coreOf(thread);
            threadsOn[coreOf[thread]]++;
        }
    }

    /** Moves {@code thread} to the core the scheduler now has it on; returns the core it left. */
    int moved(int thread) {
        int from = coreOf[thread];
        int to = scheduler.latestCoreOf(thread);
        coreOf[thread] = to;
        threadsOn[from]--;
        threadsOn[to]++;
        return from;
    }

    int coreOf(int thread) {
        return coreOf[thread];
    }

    boolean idle(int core) {
        return threadsOn[core] == 0;
    }

    int cores() {
        return threadsOn.length;
    }
}
