package org.clocksim.workload;

import java.util.Arrays;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.SteadyCall;
import org.clocksim.source.TickCrossing;

/**
 * The plain ticks a thread's aggregated room crosses ({@link TickCrossing}; docs/PERFORMANCE.md, "Plain ticks"):
 * for each write of the data page in the room, the read it falls in (a point falls in a size-biased interval: in a
 * call with the call's share of the mean interval, at a uniform point of a size-biased call; else in a think time,
 * at a uniform point of a size-biased one) waits for the write's end or retries; when the write outlasts that
 * read, the next read's first look at the sequence may wait too. Each read so delayed is one of the room's reads,
 * recorded apart with its latency; the delays are taken off the thread's time in the room, as migrations' gaps are.
 */
final class CrossedTicks {
    private final Distribution thinkTime;
    private int count;
    private long[] atPs = new long[8];
    private long[] delayPs = new long[8];
    /** Up to two delayed reads per tick: their latencies (-1: none) and whether the first retried. */
    private long[] firstLatencyPs = new long[8];
    private long[] secondLatencyPs = new long[8];
    private boolean[] retried = new boolean[8];

    CrossedTicks(Distribution thinkTime) {
        this.thinkTime = thinkTime;
    }

    /**
     * Draws what the writes begun in [{@code fromPs}, {@code endPs}) do to the thread's reads (none when
     * {@code crossing} is null); returns their delays' sum.
     */
    long draw(TickCrossing crossing, long fromPs, long endPs, QuietStretches.Interval interval, RandomStream draws) {
        count = 0;
        if (crossing == null) {
            return 0;
        }
        int first = crossing.writes();
        while (first > 0 && crossing.writeBeganPs(first) >= fromPs) {
            first--;
        }
        long publishPs = crossing.publishPs();
        long total = 0;
        for (int write = first + 1; write <= crossing.writes() && crossing.writeBeganPs(write) < endPs; write++) {
            total += drawOne(crossing, crossing.writeBeganPs(write), publishPs, interval, draws);
        }
        return total;
    }

    private long drawOne(TickCrossing crossing, long writePs, long publishPs, QuietStretches.Interval interval,
                         RandomStream draws) {
        grow();
        long delay = 0;
        long first = -1;
        boolean retry = false;
        long untilNextPs; // from the write to the next read's start
        if (draws.nextDouble() * interval.mean() < interval.durationMean()) {
            long durationPs = crossing.drawStraddling(draws);
            long offsetPs = (long) (draws.nextDouble() * durationPs);
            delay = crossing.delayPs(offsetPs, publishPs);
            retry = crossing.retried();
            first = durationPs + delay;
            long leftPs = durationPs - offsetPs + delay; // from the write to the call's end
            untilNextPs = leftPs < publishPs ? leftPs + thinkTime.sample(draws) : leftPs;
        } else {
            untilNextPs = Math.round(draws.nextDouble() * thinkTime.sizeBiasedSample(draws));
        }
        long second = -1;
        if (untilNextPs < publishPs) { // the write is not over when the next read begins
            long durationPs = crossing.draw(draws);
            long wait = crossing.delayPs(-untilNextPs, publishPs);
            second = durationPs + wait;
            delay += wait;
        }
        atPs[count] = writePs;
        delayPs[count] = delay;
        firstLatencyPs[count] = first;
        secondLatencyPs[count] = second;
        retried[count] = retry;
        count++;
        return delay;
    }

    int count() {
        return count;
    }

    long atPs(int tick) {
        return atPs[tick];
    }

    long delayPs(int tick) {
        return delayPs[tick];
    }

    /** Records the delayed reads of the first {@code crossed} ticks drawn, which the room's reads reached. */
    void report(int crossed, int thread, SteadyCall call, SourceObserver observer) {
        for (int i = 0; i < crossed; i++) {
            if (firstLatencyPs[i] >= 0) {
                observer.aggregatedTickRead(thread, call, firstLatencyPs[i], retried[i]);
            }
            if (secondLatencyPs[i] >= 0) {
                observer.aggregatedTickRead(thread, call, secondLatencyPs[i], false);
            }
        }
    }

    private void grow() {
        if (count == atPs.length) {
            int capacity = 2 * count;
            atPs = Arrays.copyOf(atPs, capacity);
            delayPs = Arrays.copyOf(delayPs, capacity);
            firstLatencyPs = Arrays.copyOf(firstLatencyPs, capacity);
            secondLatencyPs = Arrays.copyOf(secondLatencyPs, capacity);
            retried = Arrays.copyOf(retried, capacity);
        }
    }
}
