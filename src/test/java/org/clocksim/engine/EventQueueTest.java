package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
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
}
