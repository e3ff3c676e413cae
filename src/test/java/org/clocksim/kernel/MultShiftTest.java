package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * clocks_calc_mult_shift() (kernel/time/clocksource.c, KERNEL-FACTS.md §2) and the 128-bit
 * multiply-add-shift, checked against their definitions in exact arithmetic.
 */
class MultShiftTest {
    private static final int MAX_SECONDS = MultShift.CONVERSION_RANGE_SECONDS;
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger NSEC = BigInteger.valueOf(MultShift.NSEC_PER_SEC);

    /** 32 kHz … 10 GHz, log-uniform, plus the frequencies of the counters the model has. */
    static LongStream frequencies() {
        SplittableRandom random = new SplittableRandom(20260101);
        LongStream drawn = LongStream.generate(() -> Math.round(Math.exp(
                random.nextDouble(Math.log(32_768), Math.log(10e9))))).limit(400);
        return LongStream.concat(LongStream.of(32_768, 3_579_545, 14_318_180, 1_000_000_000L, 2_400_000_000L,
                3_000_000_000L, 10_000_000_000L), drawn);
    }

    /** The kernel's rounding: (NSEC_PER_SEC << shift + hz / 2) / hz. */
    private static BigInteger multAt(long hz, int shift) {
        return NSEC.shiftLeft(shift).add(BigInteger.valueOf(hz / 2)).divide(BigInteger.valueOf(hz));
    }

    /** The bits of a 64-bit product the largest delta (maxSeconds of cycles) leaves for mult, at most 32. */
    private static int multBits(long hz) {
        int deltaBits = BigInteger.valueOf(hz).multiply(BigInteger.valueOf(MAX_SECONDS)).bitLength();
        return Math.min(32, 64 - deltaBits);
    }

    @ParameterizedTest
    @MethodSource("frequencies")
    void convertingTheWholeRangeNeverOverflows64Bits(long hz) {
        MultShift ms = MultShift.forFrequency(hz, MAX_SECONDS);
        BigInteger product = BigInteger.valueOf(ms.mult()).multiply(BigInteger.valueOf(hz))
                .multiply(BigInteger.valueOf(MAX_SECONDS));
        assertThat(product).isLessThan(TWO_64);
    }

    @ParameterizedTest
    @MethodSource("frequencies")
    void theShiftIsTheLargestAtMost32WhoseMultFitsTheBitsTheRangeLeaves(long hz) {
        MultShift ms = MultShift.forFrequency(hz, MAX_SECONDS);
        int bits = multBits(hz);
        assertThat(BigInteger.valueOf(ms.mult())).isEqualTo(multAt(hz, ms.shift()));
        assertThat(ms.mult()).isLessThan(1L << bits);
        if (ms.shift() < 32) {
            assertThat(multAt(hz, ms.shift() + 1).bitLength()).isGreaterThan(bits);
        }
        // where the range (not the 32-bit cap) limits mult, the bit-count rule is conservative by at
        // most one bit against the exact overflow bound
        BigInteger range = BigInteger.valueOf(hz).multiply(BigInteger.valueOf(MAX_SECONDS));
        if (bits < 32 && ms.shift() < 31) {
            assertThat(multAt(hz, ms.shift() + 2).multiply(range)).isGreaterThanOrEqualTo(TWO_64);
        }
    }

    @ParameterizedTest
    @MethodSource("frequencies")
    void nanosecondsAreWithinOnePpmOrTheGranularityOfMult(long hz) {
        MultShift ms = MultShift.forFrequency(hz, MAX_SECONDS);
        double relative = Math.max(1e-6, 1.0 / ms.mult());
        SplittableRandom random = new SplittableRandom(hz);
        long maxCycles = hz * MAX_SECONDS;
        for (int i = 0; i < 200; i++) {
            long cycles = i == 0 ? maxCycles : random.nextLong(maxCycles + 1);
            double exact = cycles * 1e9 / hz;
            long ns = ms.toNs(cycles, 0);
            assertThat(Math.abs(ns - exact)).as("%d cycles at %d Hz", cycles, hz)
                    .isLessThanOrEqualTo(exact * relative + 1);
            BigInteger plain = BigInteger.valueOf(cycles).multiply(BigInteger.valueOf(ms.mult())).shiftRight(ms.shift());
            assertThat(ns).isEqualTo(plain.longValueExact());
        }
    }

    @Test
    void knownValueFor2point4GHz() {
        // 600 s × 2.4e9 = 1.44e12 cycles: 41 bits, so mult must fit in 23 bits (< 8388608).
        // mult ≈ 2^shift / 2.4 : shift 24 gives 6990506.67 → 6990507; shift 25 would need 13981013.
        assertThat(MultShift.forFrequency(2_400_000_000L, MAX_SECONDS)).isEqualTo(new MultShift(6_990_507, 24));
    }

    @Test
    void knownValueForTheHpet() {
        // 600 s × 14318180 = 8.59e9 cycles: 34 bits, so mult must fit in 30 bits (< 1073741824).
        // mult ≈ 2^shift × 69.841 : shift 23 gives 585871187.5… → 585871187 (the kernel rounds half
        // up on the numerator: (1e9 << 23 + 7159090) / 14318180); shift 24 would need 1.17e9.
        MultShift ms = MultShift.forFrequency(14_318_180, MAX_SECONDS);
        assertThat(ms.shift()).isEqualTo(23);
        assertThat(ms.mult()).isEqualTo((1_000_000_000L * (1L << 23) + 7_159_090) / 14_318_180);
        assertThat(ms.mult()).isBetween(585_871_000L, 585_872_000L);
    }

    @Test
    void mulAddShiftAgreesWithBigIntegerArithmetic() {
        SplittableRandom random = new SplittableRandom(42);
        int checked = 0;
        for (int i = 0; i < 200_000; i++) {
            int shift = random.nextInt(33);
            long a = random.nextLong() >>> random.nextInt(1, 64);
            long b = random.nextLong() >>> random.nextInt(1, 64);
            long c = random.nextBoolean() ? random.nextLong() : random.nextLong(-1000, 1000);
            BigInteger exact = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).add(BigInteger.valueOf(c))
                    .shiftRight(shift);
            if (exact.bitLength() > 63) {
                continue; // does not fit a long: not a case the kernel's arithmetic meets
            }
            checked++;
            assertThat(MultShift.mulAddShift(a, b, c, shift)).as("(%d * %d + %d) >> %d", a, b, c, shift)
                    .isEqualTo(exact.longValueExact());
        }
        assertThat(checked).isGreaterThan(10_000);
    }
}
