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
 *
 * <p>In fast mode ({@link #catchUpLocally}) a migration waits, in its thread's queue, for the thread's
 * activity to reach it ({@link #waitingPs}, {@link #settle}): until then the thread's reads still see the
 * core and migration count they had ({@link #coreOf}, {@link #migrations}), while the kernel's listeners
 * hear of the move at once ({@link #latestCoreOf}). A thread whose reads are the same on every core is not
 * even caught up: its migrations are no events for it (docs/PERFORMANCE.md, "Core-blind reads").
 */
public final class Scheduler {
    /**
     * A blind thread's moves drawn in one event, at most: its horizon may be the end of the run (a platform
     * timer's clocksource stays), and its queue stays this short.
     */
    static final int MOVES_PER_EVENT = 64;
    private final MigrationSpec migration;
    private final int cores;
    private final int[] coreOf;
    private final int[] latestCoreOf;
    private final int[] migrations;
    private final WaitingMigrations waiting;
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
        this.latestCoreOf = new int[threads];
        this.migrations = new int[threads];
        this.waiting = new WaitingMigrations(threads);
        this.random = new RandomStream[threads];
        this.tourPosition = new long[threads];
        this.migrate = new EventHandler[threads];
        List<Integer> placement = spec.placement();
        for (int thread = 0; thread < threads; thread++) {
            coreOf[thread] = placement.isEmpty() ? thread % cores : placement.get(thread);
            latestCoreOf[thread] = coreOf[thread];
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
     * catches up to it, and not even that one when its reads are the same on every core
     * ({@link ThreadCatchUp#coreBlindUntilPs}); the move then waits in the thread's queue until the thread's activity
     * reaches it. No other thread's reads can change when it moves: a listener changes a counter only
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

    /** The core the thread's reads run on: behind {@link #latestCoreOf} while its migrations wait. */
    public int coreOf(int thread) {
        return coreOf[thread];
    }

    /** The core the scheduler last moved the thread to (what the kernel's listeners go by). */
    public int latestCoreOf(int thread) {
        return latestCoreOf[thread];
    }

    /** The thread's migrations its reads have seen (all of them once its activity reached the end). */
    public int migrations(int thread) {
        return migrations[thread];
    }

    /** When the thread's earliest waiting migration happened, or {@link Long#MAX_VALUE} if none waits. */
    public long waitingPs(int thread) {
        return waiting.firstPs(thread);
    }

    /** The {@code index}-th waiting migration's time (0: the earliest), or {@link Long#MAX_VALUE} past the last. */
    public long waitingPs(int thread, int index) {
        return waiting.timePs(thread, index);
    }

    /** The {@code index}-th waiting migration's gap. */
    public long waitingGapPs(int thread, int index) {
        return waiting.gapPs(thread, index);
    }

    /**
     * The thread's activity has reached its earliest waiting migration: its reads now see the core it moved
     * to. Returns the migration's gap, by which the thread's next step is late.
     */
    public long settle(int thread) {
        coreOf[thread] = waiting.firstCore(thread);
        migrations[thread]++;
        return waiting.removeFirst(thread);
    }

    public int threads() {
        return coreOf.length;
    }

    /**
     * The migration event. A core-blind thread is not caught up; when no listener needs to hear of each move
     * as it happens, its moves until it may stop being blind (up to {@link #MOVES_PER_EVENT}) are drawn at once,
     * in order (the same draws from its stream), and wait for it: one event instead of several.
     */
    private void migrate(int thread, long timePs) {
        long blindUntilPs = catchUp == null ? Long.MIN_VALUE : catchUp.coreBlindUntilPs(thread);
        if (catchUp != null && blindUntilPs <= timePs) {
            catchUp.advanceThread(thread, timePs);
        }
        long nextPs = move(thread, timePs);
        for (int moves = 1; moves < MOVES_PER_EVENT && nextPs < blindUntilPs && !anyListening(); moves++) {
            nextPs = move(thread, nextPs);
        }
        simulation.schedule(nextPs, migrate[thread]);
    }

    private boolean anyListening() {
        for (MigrationListener listener : listeners) {
            if (listener.listening()) {
                return true;
            }
        }
        return false;
    }

    /** Moves the thread at {@code timePs}; returns when it moves next. */
    private long move(int thread, long timePs) {
        int to = destination(thread);
        latestCoreOf[thread] = to;
        long gap = migration.gap().sample(random[thread]);
        if (catchUp != null) {
            waiting.add(thread, timePs, to, gap);
        } else {
            coreOf[thread] = to;
            migrations[thread]++;
        }
        for (MigrationListener listener : listeners) {
            if (listener.listening()) {
                listener.migrated(thread, timePs, gap);
            }
        }
        long delay = migration.policy() == MigrationPolicy.POISSON ? exponentialPs(thread) : migration.intervalPs();
        return timePs + Math.max(1, delay);
    }

    private int destination(int thread) {
        int current = latestCoreOf[thread];
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
