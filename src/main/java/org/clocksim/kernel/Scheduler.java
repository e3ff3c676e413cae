package org.clocksim.kernel;

import java.util.Arrays;
import java.util.List;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.LocalEvent;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TimeUnits;

/**
 * Places threads on cores and migrates them by the configured policy. A migration is an event:
 * the thread's core changes at once and the workload is told that the thread is off-CPU for the
 * migration gap, so anything it was doing (a read included) resumes on the new core after the gap.
 * The gap is 1–5 us of direct cost, 27 us measured for a forced sched_setaffinity ping-pong
 * (KERNEL-FACTS.md §4); migration rates are workload-specific, so they are inputs, not a guess
 * from the load balancer (KERNEL-FACTS.md §6).
 *
 * <p>Each thread has its own migration stream, so migration times and destinations do not depend
 * on the time source or on the other threads (common random numbers across passes).
 */
public final class Scheduler {
    private final MigrationSpec migration;
    private final int cores;
    private final int[] coreOf;
    private final int[] migrations;
    private final RandomStream[] random;
    private final long[] tourPosition;
    private final EventHandler[] migrate;
    private MigrationListener[] listeners = {};
    /** Fast mode's scoped catch-up, or null: then every thread catches up before each migration. */
    private ThreadCatchUp catchUp;
    private Simulation simulation;

    public Scheduler(SchedulerSpec spec, int threads, int cores, RandomStreams streams) {
        this.migration = spec.migration();
        this.cores = cores;
        this.coreOf = new int[threads];
        this.migrations = new int[threads];
        this.random = new RandomStream[threads];
        this.tourPosition = new long[threads];
        this.migrate = new EventHandler[threads];
        List<Integer> placement = spec.placement();
        for (int thread = 0; thread < threads; thread++) {
            coreOf[thread] = placement.isEmpty() ? thread % cores : placement.get(thread);
            random[thread] = streams.stream(StreamName.MIGRATION.of(thread));
            int t = thread;
            migrate[thread] = timePs -> migrate(t, timePs); // one handler per thread, reused by every reschedule
        }
    }

    /** Listeners hear of each migration in the order they were added. */
    public void addListener(MigrationListener listener) {
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /**
     * Makes migrations {@link LocalEvent}s (before {@link #start}): before a thread moves, only that thread
     * catches up to it. No other thread's reads can change when it moves: a listener changes a counter only
     * on a core that has no thread ({@link IdleCores} halts the core the last thread leaves and resumes the
     * idle core a thread joins; {@link TscAdjustCheck} restores TSC_ADJUST on a core gone idle), so the
     * other threads' stretches run on across it.
     */
    public void catchUpLocally(ThreadCatchUp catchUp) {
        this.catchUp = catchUp;
        for (int thread = 0; thread < migrate.length; thread++) {
            int t = thread;
            migrate[thread] = (LocalEvent) timePs -> migrate(t, timePs);
        }
    }

    /** Schedules every thread's first migration. */
    public void start(Simulation simulation) {
        this.simulation = simulation;
        for (int thread = 0; thread < coreOf.length; thread++) {
            long first = switch (migration.policy()) {
                case NONE -> -1;
                case POISSON -> exponentialPs(thread);
                case PERIODIC, PING_PONG, ALL_PAIRS -> 1 + random[thread].nextLong(migration.intervalPs());
            };
            if (first >= 0) {
                simulation.schedule(first, migrate[thread]);
            }
        }
    }

    public int coreOf(int thread) {
        return coreOf[thread];
    }

    public int migrations(int thread) {
        return migrations[thread];
    }

    public int threads() {
        return coreOf.length;
    }

    private void migrate(int thread, long timePs) {
        int to = destination(thread);
        if (catchUp != null) {
            catchUp.advanceThread(thread, timePs);
        }
        coreOf[thread] = to;
        migrations[thread]++;
        long gap = migration.gap().sample(random[thread]);
        for (MigrationListener listener : listeners) {
            listener.migrated(thread, timePs, gap);
        }
        long delay = migration.policy() == MigrationPolicy.POISSON ? exponentialPs(thread) : migration.intervalPs();
        simulation.schedule(timePs + Math.max(1, delay), migrate[thread]);
    }

    private int destination(int thread) {
        int current = coreOf[thread];
        if (migration.policy() == MigrationPolicy.PING_PONG) {
            List<Integer> pair = migration.cores();
            return current == pair.get(0) ? pair.get(1) : pair.get(0);
        }
        if (migration.policy() == MigrationPolicy.ALL_PAIRS) {
            return nextOnTour(thread, current);
        }
        int other = random[thread].nextInt(cores - 1);
        return other >= current ? other + 1 : other;
    }

    /**
     * The tour visits a, b for every ordered pair (a, b), a ≠ b, in order: each pair is crossed as
     * a → b at least once per round. Stops equal to the current core are skipped.
     */
    private int nextOnTour(int thread, int current) {
        long stops = 2L * cores * (cores - 1); // a long: beyond 32768 cores the tour has more than 2^31 stops
        while (true) {
            long stop = tourPosition[thread]++ % stops;
            long pair = stop / 2;
            int from = (int) (pair / (cores - 1));
            int to = (int) (pair % (cores - 1));
            to = to >= from ? to + 1 : to;
            int core = stop % 2 == 0 ? from : to;
            if (core != current) {
                return core;
            }
        }
    }

    private long exponentialPs(int thread) {
        return Distribution.capped(
                Math.round(random[thread].nextExponential() * TimeUnits.PS_PER_S / migration.ratePerSecond()));
    }
}
