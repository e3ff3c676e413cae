package org.clocksim.observe;

import org.HdrHistogram.Histogram;

/**
 * An HdrHistogram (3 significant digits, auto-resizing) whose values are first counted in a plain array of
 * its own buckets and moved into it in bulk when it is read: a read costs an index and an increment, not
 * HdrHistogram's per-value work (its volatile min and max, total count and range check). The histogram
 * ends up the same, byte for byte: the buckets are HdrHistogram's, and the only values it must see
 * itself, each new largest value (the only ones that can make it resize, and it resizes to the exact value)
 * and values beyond the array, reach it in their order.
 */
final class BufferedHistogram {
    private static final int SIGNIFICANT_DIGITS = 3;
    /** HdrHistogram's sub-buckets for 3 digits: 2048, in halves of 2^10; bucket k has unit 2^k. */
    private static final int HALF_BITS = 10;
    private static final long EXACT_BELOW = 1L << (HALF_BITS + 1);
    /** Values counted in the array are below this (1 us in picoseconds): 11 264 buckets. */
    static final long LIMIT = 1L << 20;

    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private final long[] counts = new long[index(LIMIT - 1) + 1];
    /** Values up to this go to the array: the largest value so far, at most LIMIT - 1 (-1 before any). */
    private long countedUpTo = -1;

    /** {@code count} values {@code value} (non-negative). */
    void record(long value, long count) {
        if (value <= countedUpTo) {
            counts[index(value)] += count;
        } else {
            histogram.recordValueWithCount(value, count);
            countedUpTo = Math.min(value, LIMIT - 1);
        }
    }

    /** The histogram, with everything recorded so far. */
    Histogram histogram() {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                histogram.recordValueWithCount(lowest(i), counts[i]);
                counts[i] = 0;
            }
        }
        return histogram;
    }

    /**
     * HdrHistogram's counts index of a value below LIMIT: values below 2048 are exact; above, a value whose
     * top bit is 2^(10 + k) is counted in units of 2^k, 1024 sub-buckets per power of two.
     */
    static int index(long value) {
        int unitBits = 53 - Long.numberOfLeadingZeros(value | (EXACT_BELOW - 1));
        return (unitBits << HALF_BITS) + (int) (value >>> unitBits);
    }

    /** The smallest value of bucket {@code index}. */
    static long lowest(int index) {
        if (index < EXACT_BELOW) {
            return index;
        }
        int unitBits = (index >>> HALF_BITS) - 1;
        return (long) (index - (unitBits << HALF_BITS)) << unitBits;
    }
}
