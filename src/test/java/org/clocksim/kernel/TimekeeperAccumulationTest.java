package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The timekeeper's accumulation and clamp (kernel/time/timekeeping.c, KERNEL-FACTS.md §2):
 * {@code cycle_last} moves by whole intervals and trails the counter by less than one, a tick
 * does not change the reading, the reading grows at the counter's rate, a counter behind
 * {@code cycle_last} reads the base of the period, and deltas are taken modulo the counter's width.
 */
class TimekeeperAccumulationTest {
    private static final int[] HZ = {100, 250, 300, 1000};

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    private static long frequency(SplittableRandom random) {
        return Math.round(Math.exp(random.nextDouble(Math.log(1e6), Math.log(5e9))));
    }

    private static Timekeeper timekeeper(int hz, Clocksource source) {
        return new Timekeeper(hz, KernelRules.timekeeping(KernelRules.NEWEST), NtpUpdate.CONTINUOUS, 0, 0, source, 0, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cycleLastMovesByWholeIntervalsAndTrailsByLessThanOne(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hz = HZ[random.nextInt(HZ.length)];
        long hzCounter = frequency(random);
        long start = random.nextLong(); // anywhere in the 64-bit range, wrap included
        Timekeeper tk = timekeeper(hz, FakeCounter.tsc(hzCounter, start));
        long interval = tk.cycleInterval();
        // one tick of cycles, as far as mult can tell (the kernel rounds NSEC_PER_SEC / HZ through mult)
        long mult = MultShift.forFrequency(hzCounter, MultShift.CONVERSION_RANGE_SECONDS).mult();
        assertThat(interval).isCloseTo(Math.round((double) hzCounter / hz), within(1 + interval / mult));
        long counter = start;
        for (int i = 0; i < 300; i++) {
            counter += random.nextInt(4) == 0 ? interval * random.nextInt(3) : random.nextLong(3 * interval);
            long before = tk.readNs(ClockId.MONOTONIC, counter);
            long rawBefore = tk.readNs(ClockId.MONOTONIC_RAW, counter);
            tk.advance(counter);
            long trailing = counter - tk.cycleLast();
            assertThat(trailing).isBetween(0L, interval - 1);
            assertThat(Long.remainderUnsigned(tk.cycleLast() - start, interval)).isZero();
            // the tick moves cycles from the delta into the base: the same counter reads the same
            assertThat(tk.readNs(ClockId.MONOTONIC, counter)).isEqualTo(before);
            assertThat(tk.readNs(ClockId.MONOTONIC_RAW, counter)).isEqualTo(rawBefore);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theReadingGrowsByTheElapsedCyclesAtTheCountersFrequency(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hz = HZ[random.nextInt(HZ.length)];
        long hzCounter = frequency(random);
        long start = random.nextLong(1L << 62);
        Timekeeper tk = timekeeper(hz, FakeCounter.tsc(hzCounter, start));
        MultShift conversion = MultShift.forFrequency(hzCounter, MultShift.CONVERSION_RANGE_SECONDS);
        long counter = start;
        for (int i = 0; i < 500; i++) {
            counter += random.nextLong(2 * tk.cycleInterval());
            tk.advance(counter);
            long elapsed = counter + random.nextLong(tk.cycleInterval()) - start;
            double exact = elapsed * 1e9 / hzCounter;
            long reading = tk.readNs(ClockId.MONOTONIC, start + elapsed);
            assertThat(Math.abs(reading - exact)).isLessThanOrEqualTo(exact / conversion.mult() + 2);
            assertThat(tk.readNs(ClockId.REALTIME, start + elapsed)).isEqualTo(reading);
        }
    }

    @Test
    void readingsAfterATickAreNotBeforeReadingsBeforeIt() {
        SplittableRandom random = new SplittableRandom(7);
        Timekeeper tk = timekeeper(250, FakeCounter.tsc(2_400_000_000L, 0));
        long counter = 0;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < 20_000; i++) {
            counter += random.nextLong(tk.cycleInterval() / 7);
            if (random.nextInt(5) == 0) {
                tk.advance(counter);
            }
            long now = tk.readNs(ClockId.MONOTONIC, counter);
            assertThat(now).isGreaterThanOrEqualTo(last);
            last = now;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aCounterBehindCycleLastReadsTheBaseOfThePeriod(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Timekeeper tk = timekeeper(HZ[random.nextInt(HZ.length)], FakeCounter.tsc(frequency(random), 1L << 40));
        long counter = 1L << 40;
        for (int i = 0; i < 1 + random.nextInt(50); i++) {
            counter += random.nextLong(3 * tk.cycleInterval());
            tk.advance(counter);
        }
        long base = tk.readNs(ClockId.MONOTONIC_COARSE, 0);
        assertThat(tk.readNs(ClockId.MONOTONIC, tk.cycleLast())).isEqualTo(base);
        for (long behind : new long[] {1, 2, random.nextLong(1, 1000), random.nextLong(1, tk.cycleInterval()),
                random.nextLong(1, 1L << 40), 1L << 62}) {
            long cycles = tk.cycleLast() - behind;
            assertThat(tk.readNs(ClockId.MONOTONIC, cycles)).as("%d cycles behind", behind).isEqualTo(base);
            assertThat(tk.readNs(ClockId.REALTIME, cycles)).isEqualTo(tk.readNs(ClockId.REALTIME_COARSE, 0));
            assertThat(tk.readNs(ClockId.MONOTONIC_RAW, cycles))
                    .isEqualTo(tk.readNs(ClockId.MONOTONIC_RAW, tk.cycleLast()));
        }
        // one cycle ahead is past the base (or equal, below 1 ns per cycle)
        assertThat(tk.readNs(ClockId.MONOTONIC, tk.cycleLast() + 1)).isGreaterThanOrEqualTo(base);
    }

    @Test
    void aCounterFarAheadReadsFarAheadWithoutClamp() {
        long hz = 2_400_000_000L;
        Timekeeper tk = timekeeper(250, FakeCounter.tsc(hz, 5));
        tk.advance(5 + 3 * tk.cycleInterval() + 17);
        long base = tk.readNs(ClockId.MONOTONIC_COARSE, 0);
        long ahead = 1000 * tk.cycleInterval(); // four seconds of cycles past cycle_last
        long reading = tk.readNs(ClockId.MONOTONIC, tk.cycleLast() + ahead);
        long exact = Math.round(ahead * 1e9 / hz);
        // mult 6990507 for 6990506.67 is 48 ppb fast: 191 ns over these 4 s
        assertThat(reading - base).isCloseTo(exact, within(2 + exact / tk.mult()));
        long hour = 3600 * hz;
        assertThat(tk.readNs(ClockId.MONOTONIC, tk.cycleLast() + hour) - base)
                .isCloseTo(3_600_000_000_000L, within(3_600_000_000_000L / 1_000_000));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void a24BitCounterWrapsAndItsDeltaIsTakenModulo2To24(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long mask = 0xFF_FFFFL;
        long hz = 3_579_545;
        long start = mask + 1 - random.nextLong(1, 3 * hz / 250); // the first ticks cross the wrap
        FakeCounter pm = new FakeCounter(ClocksourceId.ACPI_PM, mask, hz, false, start);
        Timekeeper tk = timekeeper(250, pm);
        long elapsed = 0;
        long last = 0;
        for (int i = 0; i < 2_000; i++) { // ~8 s: the 24-bit counter wraps every 4.7 s
            elapsed += random.nextLong(2 * tk.cycleInterval());
            long counter = (start + elapsed) & mask;
            long before = tk.readNs(ClockId.MONOTONIC, counter);
            tk.advance(counter);
            long reading = tk.readNs(ClockId.MONOTONIC, counter);
            assertThat(reading).isEqualTo(before).isGreaterThanOrEqualTo(last);
            assertThat(tk.cycleLast()).isBetween(0L, mask);
            assertThat((counter - tk.cycleLast()) & mask).isLessThan(tk.cycleInterval());
            assertThat((double) reading).isCloseTo(elapsed * 1e9 / hz, within(2.0));
            last = reading;
        }
        // a 24-bit delta is negative once it is more than half the range: the clamp applies
        long base = tk.readNs(ClockId.MONOTONIC_COARSE, 0);
        long halfRange = (mask >>> 1) + 1;
        assertThat(tk.readNs(ClockId.MONOTONIC, (tk.cycleLast() + halfRange - 1) & mask)).isGreaterThan(base);
        assertThat(tk.readNs(ClockId.MONOTONIC, (tk.cycleLast() + halfRange) & mask)).isEqualTo(base);
        assertThat(tk.readNs(ClockId.MONOTONIC, (tk.cycleLast() - 1) & mask)).isEqualTo(base);
    }
}
