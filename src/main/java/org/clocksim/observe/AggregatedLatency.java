package org.clocksim.observe;

import java.util.Arrays;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.clocksim.engine.Binomial;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.source.SteadyCall;

/**
 * The latencies of fast mode's aggregated reads: while the run goes, only how many reads each
 * clocksource epoch aggregated; at the end, their histogram counts, drawn at once. The counts are
 * multinomial over the buckets of a reference histogram of {@link #REFERENCE_DRAWS} draws of the steady
 * call's duration (sequential binomials: O(buckets), whatever the number of reads); a rare tail is
 * drawn apart. A stated approximation (docs/PERFORMANCE.md): the body's quantiles beyond
 * 1 - 1/REFERENCE_DRAWS and the largest latency come mostly from the reads that ran exactly.
 */
final class AggregatedLatency {
    static final int REFERENCE_DRAWS = 1 << 16;

    private final RandomStream random;
    private long[] byEpoch = new long[1];
    private SteadyCall steady;
    private long total;

    AggregatedLatency(RandomStream random) {
        this.random = random;
    }

    /** {@code n} reads of the steady call, made after {@code switches} clocksource switches. */
    void add(int switches, long n, SteadyCall call) {
        if (switches >= byEpoch.length) {
            byEpoch = Arrays.copyOf(byEpoch, switches + 1);
        }
        byEpoch[switches] += n;
        steady = call;
        total += n;
    }

    /** Reads aggregated so far. */
    long total() {
        return total;
    }

    /** Moves the aggregated reads into the latency histograms (once: the counts are then cleared). */
    void drawInto(ClocksourceLatency latency) {
        for (int switches = 0; switches < byEpoch.length; switches++) {
            long n = byEpoch[switches];
            if (n > 0) {
                drawInto(latency, switches, n);
            }
            byEpoch[switches] = 0;
        }
    }

    /**
     * A latency with a rare tail (a body plus, with probability p, an exponential) is drawn in two
     * parts: how many reads took the tail is binomial; up to {@link #REFERENCE_DRAWS} of them are drawn
     * one by one (more share a reference as the body does), so a tail rarer than the reference's 1/2^16
     * keeps its weight.
     */
    private void drawInto(ClocksourceLatency latency, int switches, long n) {
        if (steady.latency() instanceof Distribution.WithTail tail) {
            long slow = Binomial.draw(n, tail.probability(), random);
            if (slow <= REFERENCE_DRAWS) {
                for (long i = 0; i < slow; i++) {
                    latency.record(switches, steady.duration(tail.body().sample(random) + tailDelay(tail)), 1);
                }
            } else {
                multinomial(latency, switches, slow, () -> tail.body().sample(random) + tailDelay(tail));
            }
            multinomial(latency, switches, n - slow, () -> tail.body().sample(random));
        } else {
            multinomial(latency, switches, n, () -> steady.latency().sample(random));
        }
    }

    private long tailDelay(Distribution.WithTail tail) {
        return Distribution.capped(Math.round(tail.tailMean() * random.nextExponential()));
    }

    /** {@code n} reads spread over the buckets of a reference histogram of draws: multinomial counts. */
    private void multinomial(ClocksourceLatency latency, int switches, long n, LongSupplier draw) {
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
