package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    record Scheduled(long time, int order) {
    }

    static LongStream seeds() {
        return LongStream.range(0, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void firesByTimeThenBySchedulingOrder(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue();
        List<Scheduled> scheduled = new ArrayList<>();
        List<Scheduled> fired = new ArrayList<>();
        int count = 1 + random.nextInt(300);
        for (int i = 0; i < count; i++) {
            Scheduled s = new Scheduled(random.nextInt(20), i);
            scheduled.add(s);
            queue.schedule(s.time(), time -> fired.add(s));
        }
        while (!queue.isEmpty()) {
            queue.fireNext();
        }
        scheduled.sort(Comparator.comparingLong(Scheduled::time).thenComparingInt(Scheduled::order));
        assertThat(fired).containsExactlyElementsOf(scheduled);
    }

    @Test
    void eventsScheduledWhileFiringKeepTheOrder() {
        EventQueue queue = new EventQueue();
        List<String> fired = new ArrayList<>();
        queue.schedule(5, t -> {
            fired.add("a@" + t);
            queue.schedule(5, u -> fired.add("c@" + u));
        });
        queue.schedule(5, t -> fired.add("b@" + t));
        while (!queue.isEmpty()) {
            queue.fireNext();
        }
        assertThat(fired).containsExactly("a@5", "b@5", "c@5");
    }

    @Test
    void emptyQueueHasNoTimeAndNothingToFire() {
        EventQueue queue = new EventQueue();
        assertThat(queue.peekTime()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(queue::fireNext).isInstanceOf(IllegalStateException.class);
    }
    /** Schedules {@code count} events at times in [0, 5) and returns them in firing order. */
    private static List<Scheduled> fireAll(EventQueue queue, long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Scheduled> fired = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Scheduled s = new Scheduled(random.nextInt(5), i);
            queue.schedule(s.time(), time -> fired.add(s));
        }
        while (!queue.isEmpty()) {
            queue.fireNext();
        }
        return fired;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRandomTieOrderKeepsTimesInOrderAndFiresEveryEventOnce(long seed) {
        List<Scheduled> fired = fireAll(new EventQueue(TieOrder.random(seed)), seed, 200);
        assertThat(fired).extracting(Scheduled::time).isSorted();
        assertThat(fired).extracting(Scheduled::order).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void aRandomTieOrderPermutesTiesAndIsDeterministicForASeed() {
        List<Scheduled> fifo = fireAll(new EventQueue(TieOrder.FIFO), 3, 200);
        List<Scheduled> one = fireAll(new EventQueue(TieOrder.random(7)), 3, 200);
        List<Scheduled> again = fireAll(new EventQueue(TieOrder.random(7)), 3, 200);
        List<Scheduled> other = fireAll(new EventQueue(TieOrder.random(8)), 3, 200);
        assertThat(again).isEqualTo(one);
        assertThat(one).isNotEqualTo(fifo).isNotEqualTo(other);
        // within each time, the scheduling order is no longer kept
        List<Integer> atZero = one.stream().filter(s -> s.time() == 0).map(Scheduled::order).toList();
        assertThat(atZero).isNotEqualTo(atZero.stream().sorted().toList());
    }

    @Test
    void aRandomTieOrderPutsEachOfTwoTiesFirstAboutHalfTheTime() {
        int firstFirst = 0;
        int trials = 4000;
        for (int seed = 0; seed < trials; seed++) {
            List<String> fired = new ArrayList<>();
            EventQueue queue = new EventQueue(TieOrder.random(seed));
            queue.schedule(1, t -> fired.add("a"));
            queue.schedule(1, t -> fired.add("b"));
            queue.fireNext();
            firstFirst += fired.get(0).equals("a") ? 1 : 0;
        }
        // binomial(4000, 1/2): 99.9 % of runs within 2000 +- 3.29 * sqrt(1000)
        assertThat(firstFirst).isBetween(1896, 2104);
    }

    @Test
    void tieOrdersPerReplicationDiffer() {
        TieOrder random = TieOrder.random(5);
        assertThat(TieOrder.FIFO.forReplication(3)).isSameAs(TieOrder.FIFO);
        assertThat(random.forReplication(0)).isEqualTo(random.forReplication(0))
                .isNotEqualTo(random.forReplication(1)).isNotEqualTo(random);
    }

    /**
     * Handlers that reschedule none, one or several events while they fire (the fused replace-top path):
     * the queue fires exactly what a sorted reference of (time, scheduling order) fires, in that order.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void handlersThatRescheduleWhileFiringMatchASortedReference(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue queue = new EventQueue();
        TreeMap<long[], Integer> reference = new TreeMap<>(
                Comparator.<long[]>comparingLong(k -> k[0]).thenComparingLong(k -> k[1]));
        long[] sequence = {0};
        List<Integer> fired = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        int[] ids = {0};
        class Scheduler {
            void add(long time) {
                int id = ids[0]++;
                reference.put(new long[] {time, sequence[0]++}, id);
                queue.schedule(time, t -> {
                    fired.add(id);
                    int children = ids[0] < 3000 ? random.nextInt(4) : 0; // 0, 1 (the common case), 2 or 3
                    for (int c = 0; c < children; c++) {
                        add(t + random.nextInt(8));
                    }
                });
            }
        }
        Scheduler scheduler = new Scheduler();
        for (int k = 0; k < 64; k++) {
            scheduler.add(random.nextInt(16));
        }
        while (!queue.isEmpty()) {
            expected.add(reference.pollFirstEntry().getValue());
            queue.fireNext();
        }
        assertThat(reference).isEmpty();
        assertThat(fired).isEqualTo(expected);
        assertThat(fired).hasSizeGreaterThan(1000);
    }

    /** A FIFO sequence that runs out (here after 7 events) is renumbered without changing the order. */
    @ParameterizedTest
    @MethodSource("seeds")
    void aSequenceThatRunsOutIsRenumberedInOrder(long seed) {
        List<Scheduled> reference = fireAll(new EventQueue(), seed, 300);
        assertThat(fireAll(new EventQueue(TieOrder.FIFO, 7), seed, 300)).isEqualTo(reference);
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue small = new EventQueue(TieOrder.FIFO, 5);
        EventQueue large = new EventQueue();
        List<Integer> firedSmall = new ArrayList<>();
        List<Integer> firedLarge = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int id = i;
            long time = random.nextInt(6);
            small.schedule(time, t -> { firedSmall.add(id); small.schedule(t + id % 3, u -> firedSmall.add(-id)); });
            large.schedule(time, t -> { firedLarge.add(id); large.schedule(t + id % 3, u -> firedLarge.add(-id)); });
        }
        while (!large.isEmpty()) {
            large.fireNext();
            small.fireNext();
        }
        assertThat(small.isEmpty()).isTrue();
        assertThat(firedSmall).hasSize(80).isEqualTo(firedLarge);
    }
}
