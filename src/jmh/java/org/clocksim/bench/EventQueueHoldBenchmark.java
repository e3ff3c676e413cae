package org.clocksim.bench;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.EventQueue;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hold model of event-queue benchmarks: {@code pending} events; each operation fires the earliest,
 * whose handler reschedules itself at now + U[0, 128) time units (as a tick, a migration or the watchdog
 * does). clocksim's {@link EventQueue} against {@link PriorityQueue} of (time, sequence) events with the
 * same tie order. The increments are drawn in advance, so both queues see the same sequence.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueHoldBenchmark {
    private static final int INCREMENTS = 1 << 16;

    @State(Scope.Thread)
    public static class Increments {
        @Param({"64"})
        public int pending;
        final long[] increments = new long[INCREMENTS];
        int next;

        @Setup(Level.Trial)
        public void draw() {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < INCREMENTS; i++) {
                increments[i] = random.nextInt(128);
            }
        }

        long increment() {
            return increments[next++ & (INCREMENTS - 1)];
        }
    }

    @State(Scope.Thread)
    public static class Clocksim {
        EventQueue queue;

        @Setup(Level.Trial)
        public void fill(Increments increments) {
            queue = new EventQueue();
            for (int i = 0; i < increments.pending; i++) {
                queue.schedule(increments.increment(), new EventHandler() {
                    @Override
                    public void fire(long timePs) {
                        queue.schedule(timePs + increments.increment(), this);
                    }
                });
            }
        }
    }

    /** What a PriorityQueue-based simulator would hold: an event object with its time and tie key. */
    record Event(long time, long sequence) implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    @State(Scope.Thread)
    public static class Jdk {
        final PriorityQueue<Event> queue = new PriorityQueue<>();
        long sequence;

        @Setup(Level.Trial)
        public void fill(Increments increments) {
            for (int i = 0; i < increments.pending; i++) {
                queue.add(new Event(increments.increment(), sequence++));
            }
        }
    }

    @Benchmark
    public long clocksimEventQueue(Clocksim clocksim) {
        clocksim.queue.fireNext();
        return clocksim.queue.peekTime();
    }

    @Benchmark
    public long jdkPriorityQueue(Jdk jdk, Increments increments) {
        Event earliest = jdk.queue.poll();
        jdk.queue.add(new Event(earliest.time() + increments.increment(), jdk.sequence++));
        return jdk.queue.peek().time();
    }
}
