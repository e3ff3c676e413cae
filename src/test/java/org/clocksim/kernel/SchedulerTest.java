package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.junit.jupiter.api.Test;

class SchedulerTest {
    private static final long US = 1_000_000;
    private static final long S = 1_000_000_000_000L;
    private static final Distribution GAP = new Distribution.Fixed(5 * US);

    private static SchedulerSpec spec(MigrationPolicy policy, double rate, long interval, List<Integer> cores,
                                      List<Integer> placement) {
        return new SchedulerSpec(placement, new MigrationSpec(policy, rate, interval, cores, GAP));
    }

    record Migration(int thread, long time, long gap, int core) {
    }

    private static List<Migration> run(Scheduler scheduler, long until) {
        Simulation simulation = new Simulation();
        List<Migration> migrations = new ArrayList<>();
        scheduler.addListener((thread, time, gap) ->
                migrations.add(new Migration(thread, time, gap, scheduler.coreOf(thread))));
        scheduler.start(simulation);
        simulation.run(until);
        return migrations;
    }

    @Test
    void placesRoundRobinByDefaultOrAsListed() {
        Scheduler roundRobin = new Scheduler(spec(MigrationPolicy.NONE, 0, 0, List.of(), List.of()), 5, 4,
                new RandomStreams(1, 0));
        assertThat(List.of(roundRobin.coreOf(0), roundRobin.coreOf(3), roundRobin.coreOf(4))).containsExactly(0, 3, 0);
        Scheduler listed = new Scheduler(spec(MigrationPolicy.NONE, 0, 0, List.of(), List.of(3, 1)), 2, 4,
                new RandomStreams(1, 0));
        assertThat(List.of(listed.coreOf(0), listed.coreOf(1))).containsExactly(3, 1);
        assertThat(run(listed, S)).isEmpty();
    }

    @Test
    void poissonMigrationCountIsWithinThePoissonQuantiles() {
        double rate = 2000;
        Scheduler scheduler = new Scheduler(spec(MigrationPolicy.POISSON, rate, 0, List.of(), List.of()), 1, 4,
                new RandomStreams(11, 0));
        List<Migration> migrations = run(scheduler, S);
        PoissonDistribution expected = new PoissonDistribution(rate);
        assertThat(migrations.size()).isBetween(expected.inverseCumulativeProbability(0.0005),
                expected.inverseCumulativeProbability(0.9995));
        assertThat(migrations).allSatisfy(m -> assertThat(m.gap()).isEqualTo(5 * US));
        int previous = 0;
        for (Migration m : migrations) {
            assertThat(m.core()).isNotEqualTo(previous).isBetween(0, 3);
            previous = m.core();
        }
        assertThat(scheduler.migrations(0)).isEqualTo(migrations.size());
    }

    @Test
    void periodicMigratesEveryIntervalAfterARandomPhase() {
        long interval = 10 * US * 1000;
        Scheduler scheduler = new Scheduler(spec(MigrationPolicy.PERIODIC, 0, interval, List.of(), List.of()), 2, 4,
                new RandomStreams(2, 0));
        List<Migration> thread0 = run(scheduler, S).stream().filter(m -> m.thread() == 0).toList();
        assertThat(thread0.get(0).time()).isBetween(1L, interval);
        for (int i = 1; i < thread0.size(); i++) {
            assertThat(thread0.get(i).time() - thread0.get(i - 1).time()).isEqualTo(interval);
        }
    }

    @Test
    void pingPongAlternatesBetweenTheTwoCores() {
        Scheduler scheduler = new Scheduler(spec(MigrationPolicy.PING_PONG, 0, 100 * US, List.of(0, 3), List.of(0)),
                1, 4, new RandomStreams(2, 0));
        List<Migration> migrations = run(scheduler, S / 100);
        assertThat(migrations).hasSizeGreaterThan(90);
        for (int i = 0; i < migrations.size(); i++) {
            assertThat(migrations.get(i).core()).isEqualTo(i % 2 == 0 ? 3 : 0);
        }
    }

    @Test
    void theAllPairsTourWorksBeyond32768Cores() {
        // 2 · cores · (cores − 1) stops is 2^33 − 2^17 here: as an int it was −2^17, and the tour wrapped
        // back to pair (0, 1) after 2^17 stops instead of going on with the pairs from core 1
        int cores = 65_536;
        Scheduler scheduler = new Scheduler(spec(MigrationPolicy.ALL_PAIRS, 0, US, List.of(), List.of()),
                1, cores, new RandomStreams(2, 0));
        List<Migration> migrations = run(scheduler, 135 * S / 1000);
        // from core 0 the tour goes 0 → 1, 1 → 0, 0 → 2 ... (0, 65535), then (1, 0), (1, 2) ...
        assertThat(migrations.stream().map(Migration::core).limit(4)).containsExactly(1, 0, 2, 0);
        assertThat(migrations.subList(131_070, 131_074)).extracting(Migration::core).containsExactly(0, 1, 2, 1);
    }

    /** A thread whose catch-up says it is core-blind until a horizon, and records what it settles. */
    private static final class BlindThread implements ThreadCatchUp {
        final Scheduler scheduler;
        long blindUntilPs = Long.MIN_VALUE;
        final List<Migration> settled = new ArrayList<>();
        int catchUps;

        BlindThread(Scheduler scheduler) {
            this.scheduler = scheduler;
        }

        @Override
        public void advanceThread(int thread, long limitPs) {
            catchUps++;
            while (scheduler.waitingPs(thread) < limitPs) {
                long at = scheduler.waitingPs(thread);
                long gap = scheduler.settle(thread);
                settled.add(new Migration(thread, at, gap, scheduler.coreOf(thread)));
            }
        }

        @Override
        public long coreBlindUntilPs(int thread) {
            return blindUntilPs;
        }

        @Override
        public void beforeTick(long timePs, boolean plain) {
            advanceThread(0, timePs);
        }
    }

    /**
     * Fast mode's deferred migrations are the same migrations (times, gaps, cores, from the same draws) as the
     * exact scheduler's, whether the thread is caught up before each or, core-blind, settles them later; the
     * kernel's listeners hear of each move at once, and a blind thread is not caught up.
     */
    @Test
    void deferredMigrationsAreTheExactSchedulersMigrationsSettledLater() {
        Scheduler exact = new Scheduler(spec(MigrationPolicy.POISSON, 2000, 0, List.of(), List.of()), 1, 4,
                new RandomStreams(5, 0));
        List<Migration> expected = run(exact, S / 10);
        for (long blindUntil : new long[] {Long.MIN_VALUE, S}) {
            Scheduler fast = new Scheduler(spec(MigrationPolicy.POISSON, 2000, 0, List.of(), List.of()), 1, 4,
                    new RandomStreams(5, 0));
            BlindThread thread = new BlindThread(fast);
            thread.blindUntilPs = blindUntil;
            fast.catchUpLocally(thread);
            List<Integer> heard = new ArrayList<>();
            fast.addListener((t, time, gap) -> heard.add(fast.latestCoreOf(t)));
            Simulation simulation = new Simulation();
            fast.start(simulation);
            simulation.run(S / 10);
            assertThat(fast.migrations(0)).as("the thread's reads see a migration only once it reaches it")
                    .isEqualTo(blindUntil == S ? 0 : expected.size() - 1);
            thread.advanceThread(0, S / 10);
            assertThat(thread.settled).isEqualTo(expected);
            assertThat(heard).isEqualTo(expected.stream().map(Migration::core).toList());
            assertThat(fast.migrations(0)).isEqualTo(expected.size());
            assertThat(thread.catchUps).isEqualTo(blindUntil == S ? 1 : expected.size() + 1);
        }
    }

    /** With no listener that still acts on them, a blind thread's moves until its horizon take one event. */
    @Test
    void aBlindThreadsMovesUntilItsHorizonAreDrawnAtOnce() {
        Scheduler fast = new Scheduler(spec(MigrationPolicy.POISSON, 2000, 0, List.of(), List.of()), 1, 4,
                new RandomStreams(5, 0));
        BlindThread thread = new BlindThread(fast);
        thread.blindUntilPs = S / 100;
        fast.catchUpLocally(thread);
        Simulation simulation = new Simulation();
        fast.start(simulation);
        simulation.run(S / 100);
        assertThat(simulation.eventsFired()).as("the first migration's event draws all before the horizon")
                .isEqualTo(1);
        thread.advanceThread(0, S / 100);
        assertThat(thread.settled.size()).isBetween(8, 35).isLessThan(Scheduler.MOVES_PER_EVENT);
    }

    /** A horizon for good (a platform timer's clocksource stays) draws the moves a batch at a time: the queue stays short. */
    @Test
    void aBlindThreadForGoodDrawsItsMovesABatchAtATime() {
        Scheduler fast = new Scheduler(spec(MigrationPolicy.POISSON, 2000, 0, List.of(), List.of()), 1, 4,
                new RandomStreams(5, 0));
        BlindThread thread = new BlindThread(fast);
        thread.blindUntilPs = Long.MAX_VALUE;
        fast.catchUpLocally(thread);
        Simulation simulation = new Simulation();
        fast.start(simulation);
        simulation.run(S / 10);
        thread.advanceThread(0, S / 10);
        int moves = thread.settled.size();
        assertThat(moves).isBetween(150, 250);
        assertThat(simulation.eventsFired()).as("one event per %d moves", Scheduler.MOVES_PER_EVENT)
                .isEqualTo((moves + Scheduler.MOVES_PER_EVENT - 1) / Scheduler.MOVES_PER_EVENT);
        assertThat(thread.catchUps).isEqualTo(1);
    }
}
