package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.clocksim.engine.Binomial;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.source.SteadyCall;

/**
 * The latencies of fast mode's aggregated reads: while the run goes, only how many reads of each
 * steady call each clocksource epoch aggregated (a switch changes the call: the TSC's vDSO read becomes
 * the HPET's syscall); at the end, their histogram counts, drawn at once. The counts are
 * multinomial over the buckets of a reference histogram of {@link #REFERENCE_DRAWS} draws of the steady
 * call's duration (sequential binomials: O(buckets), whatever the number of reads); a rare tail is
 * drawn apart. A stated approximation (docs/PERFORMANCE.md): the body's quantiles beyond
 * 1 - 1/REFERENCE_DRAWS and the largest latency come mostly from the reads that ran exactly.
 */
final class AggregatedLatency {
    static final int REFERENCE_DRAWS = 1 << 16;

    private final RandomStream random;
    /** In the order first seen; the last one used is looked up first (a thread's call changes only at a switch). */
    private final List<Count> counts = new ArrayList<>();
    private Count last;
    private long total;

    /** Reads of {@code call} aggregated in the epoch after {@code switches} clocksource switches. */
    private static final class Count {
        final int switches;
        final SteadyCall call;
        long reads;

        Count(int switches, SteadyCall call) {
            this.switches = switches;
            this.call = call;
        }

        boolean of(int switches, SteadyCall call) {
            return this.switches == switches && (this.call == call || this.call.equals(call));
        }
    }

    AggregatedLatency(RandomStream random) {
        this.random = random;
    }

    /** {@code n} reads of the steady call, made after {@code switches} clocksource switches. */
    void add(int switches, long n, SteadyCall call) {
        countOf(switches, call).reads += n;
        total += n;
    }

    /** One of the reads of the steady call counted by {@link #add} had its latency recorded apart: it is not drawn. */
    void recordedApart(int switches, SteadyCall call) {
        countOf(switches, call).reads--;
    }

    private Count countOf(int switches, SteadyCall call) {
        if (last == null || !last.of(switches, call)) {
            last = counts.stream().filter(c -> c.of(switches, call)).findFirst().orElseGet(() -> {
                Count count = new Count(switches, call);
                counts.add(count);
                return count;
            });
        }
        return last;
    }

    /** Reads aggregated so far. */
    long total() {
        return total;
    }

    /** Moves the aggregated reads into the latency histograms (once: the counts are then cleared). */
    void drawInto(ClocksourceLatency latency) {
        for (Count count : counts) {
            if (count.reads > 0) {
                drawInto(latency, count.switches, count.reads, count.call);
            }
            count.reads = 0;
        }
    }

    /**
     * A latency with a rare tail (a body plus, with probability p, an exponential) is drawn in two
     * parts: how many reads took the tail is binomial; up to {@link #REFERENCE_DRAWS} of them are drawn
     * one by one (more share a reference as the body does), so a tail rarer than the reference's 1/2^16
     * keeps its weight.
     */
    private void drawInto(ClocksourceLatency latency, int switches, long n, SteadyCall steady) {
        if (steady.latency() instanceof Distribution.WithTail tail) {
            long slow = Binomial.draw(n, tail.probability(), random);
            if (slow <= REFERENCE_DRAWS) {
                for (long i = 0; i < slow; i++) {
                    latency.record(switches, steady.duration(tail.body().sample(random) + tailDelay(tail)), 1);
                }
            } else {
                multinomial(latency, switches, slow, steady, () -> tail.body().sample(random) + tailDelay(tail));
            }
            multinomial(latency, switches, n - slow, steady, () -> tail.body().sample(random));
        } else {
            multinomial(latency, switches, n, steady, () -> steady.latency().sample(random));
        }
    }

    private long tailDelay(Distribution.WithTail tail) {
        return Distribution.capped(Math.round(tail.tailMean() * random.nextExponential()));
    }

    /** {@code n} reads spread over the buckets of a reference histogram of draws: multinomial counts. */
    private void multinomial(ClocksourceLatency latency, int switches, long n, SteadyCall steady, LongSupplier draw) {
        if (n == 0) {
            return;
        }
        Histogram reference = new Histogram(3);
        for (int i = 0; i < REFERENCE_DRAWS; i++) {
            reference.recordValue(steady.duration(draw.getAsLong()));
        }
        long remainingReads = n;
        long remainingWeight = reference.getTotalCount();
        for (HistogramIterationValue bucket : reference.recordedValues()) {
            long weight = bucket.getCountAtValueIteratedTo();
            long k = Binomial.draw(remainingReads, (double) weight / remainingWeight, random);
            if (k > 0) {
                latency.record(switches, bucket.getValueIteratedTo(), k); // the same bucket there
            }
            remainingReads -= k;
            remainingWeight -= weight;
        }
    }
}
