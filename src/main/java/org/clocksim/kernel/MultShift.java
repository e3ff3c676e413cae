package org.clocksim.kernel;

/**
 * The kernel's fixed-point conversion of counter cycles to nanoseconds:
 * {@code ns = (cycles * mult) >> shift}.
 *
 * <p>{@link #forFrequency} follows clocks_calc_mult_shift() in kernel/time/clocksource.c
 * (KERNEL-FACTS.md §2): the largest shift (at most 32) for which converting {@code maxSeconds} of
 * cycles cannot overflow 64 bits, so the conversion is as precise as the range allows. The kernel
 * registers clocksources with a conversion range of 600 s.
 */
public record MultShift(long mult, int shift) {
    public static final long NSEC_PER_SEC = 1_000_000_000L;
    public static final int CONVERSION_RANGE_SECONDS = 600;

    public MultShift {
        if (mult <= 0 || shift < 0 || shift > 32) {
            throw new IllegalArgumentException("mult " + mult + ", shift " + shift);
        }
    }

    public static MultShift forFrequency(long hz, int maxSeconds) {
        if (hz <= 0) {
            throw new IllegalArgumentException("frequency must be > 0, got " + hz);
        }
        // how many bits of the 64 the largest delta (maxSeconds of cycles) leaves for mult
        long largest = (maxSeconds * hz) >>> 32;
        int headroom = 32;
        while (largest != 0) {
            largest >>>= 1;
            headroom--;
        }
        long mult = 0;
        int shift;
        for (shift = 32; shift > 0; shift--) {
            mult = ((NSEC_PER_SEC << shift) + hz / 2) / hz;
            if ((mult >>> headroom) == 0) {
                break;
            }
        }
        return new MultShift(mult, shift);
    }

    /** {@code (cycles * mult + addend) >> shift} without overflow, for non-negative operands. */
    public long toNs(long cycles, long addend) {
        return mulAddShift(cycles, mult, addend, shift);
    }

    /** (a * b + c) >> s in 128-bit arithmetic; a, b >= 0. */
    static long mulAddShift(long a, long b, long c, int s) {
        long low = a * b;
        long high = Math.multiplyHigh(a, b);
        long sum = low + c;
        if (c >= 0 ? Long.compareUnsigned(sum, low) < 0 : Long.compareUnsigned(sum, low) > 0) {
            high += c >= 0 ? 1 : -1;
        }
        return s == 0 ? sum : (sum >>> s) | (high << (64 - s));
    }
}
