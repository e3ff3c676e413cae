package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NTP slewing of the timekeeper (KERNEL-FACTS.md §2, §4, §5): MONOTONIC runs at the NTP frequency
 * against MONOTONIC_RAW within 1 ppm (selftests raw_skew), MONOTONIC_RAW is never slewed, a change of
 * mult keeps the reading continuous with the correction and steps it without; a clocksource switch
 * keeps the reading continuous.
 */
class TimekeeperNtpTest {
    private static final int[] HZ = {100, 250, 300, 1000};
    private static final long TSC_HZ = 2_400_000_000L;

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** 4.18: a frequency change waits for the next tick (the tests of the at-once rules are in TimekeeperAtOnceTest). */
    static final TimekeepingRules AT_TICK = KernelRules.timekeeping(KernelVersion.parse("4.18"));

    private static Timekeeper timekeeper(int hz, NtpUpdate update, Clocksource source) {
        return new Timekeeper(hz, AT_TICK, update, 0, 0, source, 0, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void monotonicRunsAtTheNtpFrequencyAgainstRawWithinOnePpm(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int hz = HZ[random.nextInt(HZ.length)];
        long frequency = Math.round(Math.exp(random.nextDouble(Math.log(1e6), Math.log(5e9))));
        double ppm = seed == 0 ? 500 : seed == 1 ? -500 : random.nextDouble(-500, 500);
        Timekeeper tk = timekeeper(hz, NtpUpdate.CONTINUOUS, FakeCounter.tsc(frequency, 0));
        long interval = tk.cycleInterval();
        tk.setNtpFrequency(ppm, 0);
        long counter = interval + interval / 3;
        tk.advance(counter); // the new mult applies from this tick on
        long mono0 = tk.readNs(ClockId.MONOTONIC, counter);
        long raw0 = tk.readNs(ClockId.MONOTONIC_RAW, counter);
        for (int tick = 0; tick < 10 * hz; tick++) { // ten seconds
            counter += interval / 2 + random.nextLong(interval);
            tk.advance(counter);
        }
        double mono = tk.readNs(ClockId.MONOTONIC, counter) - mono0;
        double raw = tk.readNs(ClockId.MONOTONIC_RAW, counter) - raw0;
        assertThat((mono / raw - 1) * 1e6).as("%d Hz counter, HZ %d", frequency, hz).isCloseTo(ppm, within(1.0));
        double exact = (counter - (interval + interval / 3)) * 1e9 / frequency;
        assertThat(raw).isCloseTo(exact, within(exact * 1e-6));
    }

    @Test
    void monotonicRawIsNeverSlewed() {
        SplittableRandom random = new SplittableRandom(3);
        Timekeeper plain = timekeeper(250, NtpUpdate.CONTINUOUS, FakeCounter.tsc(TSC_HZ, 0));
        Timekeeper slewed = timekeeper(250, NtpUpdate.CONTINUOUS, FakeCounter.tsc(TSC_HZ, 0));
        Timekeeper naive = timekeeper(250, NtpUpdate.NAIVE, FakeCounter.tsc(TSC_HZ, 0));
        long counter = 0;
        for (int tick = 0; tick < 5_000; tick++) {
            if (tick % 125 == 0) { // flip ±500 ppm every 0.5 s, as skew_consistency does
                double ppm = (tick / 125) % 2 == 0 ? 500 : -500;
                slewed.setNtpFrequency(ppm, 0);
                naive.setNtpFrequency(ppm, 0);
            }
            counter += random.nextLong(2 * plain.cycleInterval());
            plain.advance(counter);
            slewed.advance(counter);
            naive.advance(counter);
            long between = counter + random.nextLong(plain.cycleInterval());
            long raw = plain.readNs(ClockId.MONOTONIC_RAW, between);
            assertThat(slewed.readNs(ClockId.MONOTONIC_RAW, between)).isEqualTo(raw);
            assertThat(naive.readNs(ClockId.MONOTONIC_RAW, between)).isEqualTo(raw);
        }
        assertThat(slewed.multChanges()).isGreaterThanOrEqualTo(40);
        assertThat(slewed.readNs(ClockId.MONOTONIC, counter)).isNotEqualTo(plain.readNs(ClockId.MONOTONIC, counter));
    }

    /** +500 ppm for a few ticks, then −500 ppm, applied at a tick that leaves half an interval unaccumulated. */
    private static long[] flipAtTick(Timekeeper tk) {
        long interval = tk.cycleInterval();
        tk.setNtpFrequency(500, 0);
        long counter = 0;
        for (int i = 0; i < 5; i++) {
            counter += interval + 1234;
            tk.advance(counter);
        }
        tk.setNtpFrequency(-500, 0);
        counter = tk.cycleLast() + 3 * interval + interval / 2;
        long multBefore = tk.mult();
        long before = tk.readNs(ClockId.MONOTONIC, counter);
        tk.advance(counter);
        long after = tk.readNs(ClockId.MONOTONIC, counter);
        return new long[] {before, after, multBefore, tk.mult(), counter - tk.cycleLast()};
    }

    @ParameterizedTest
    @MethodSource("hzValues")
    void withTheContinuityCorrectionAFrequencyChangeDoesNotJump(int hz) {
        Timekeeper tk = timekeeper(hz, NtpUpdate.CONTINUOUS, FakeCounter.tsc(TSC_HZ, 0));
        long[] r = flipAtTick(tk);
        assertThat(r[3]).as("mult changed").isLessThan(r[2]);
        assertThat(r[4]).isEqualTo(tk.cycleInterval() / 2);
        assertThat(r[1]).isEqualTo(r[0]);
        // and it keeps going forward from there at the new rate
        long later = tk.readNs(ClockId.MONOTONIC, tk.cycleLast() + tk.cycleInterval() - 1);
        assertThat(later).isGreaterThan(r[1]);
    }

    static int[] hzValues() {
        return HZ;
    }

    @ParameterizedTest
    @MethodSource("hzValues")
    void withoutItTheReadingStepsBackByTheUnaccumulatedCyclesTimesTheChangeOfMult(int hz) {
        Timekeeper tk = timekeeper(hz, NtpUpdate.NAIVE, FakeCounter.tsc(TSC_HZ, 0));
        long[] r = flipAtTick(tk);
        int shift = MultShift.forFrequency(TSC_HZ, MultShift.CONVERSION_RANGE_SECONDS).shift();
        long deltaMult = r[2] - r[3];
        long unaccumulated = r[4];
        long expected = (unaccumulated * deltaMult) >> shift;
        // ≈ 1000 ppm of half a tick
        assertThat((double) expected).isCloseTo(0.5e9 / hz * 1e-3, within(0.5e9 / hz * 1e-3 * 1e-3));
        assertThat(r[0] - r[1]).isCloseTo(expected, within(1L));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void switchingFromTscToHpetKeepsTheReadingContinuous(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        FakeCounter tsc = FakeCounter.tsc(TSC_HZ, random.nextLong(1L << 50));
        FakeCounter hpet = new FakeCounter(ClocksourceId.HPET, 0xFFFF_FFFFL, 14_318_180, false, 0);
        Timekeeper tk = timekeeper(HZ[random.nextInt(HZ.length)], NtpUpdate.CONTINUOUS, tsc);
        tk.setNtpFrequency(random.nextDouble(-500, 500), 0);
        long counter = tsc.value;
        for (int i = 0; i < random.nextInt(1, 100); i++) {
            counter += random.nextLong(2 * tk.cycleInterval());
            tk.advance(counter);
        }
        counter += random.nextLong(tk.cycleInterval());
        long hpetNow = random.nextLong(1L << 32);
        long[] before = new long[ClockId.values().length];
        for (ClockId clock : ClockId.values()) {
            before[clock.ordinal()] = tk.readNs(clock, counter);
        }
        tk.changeClocksource(hpet, counter, hpetNow);
        assertThat(tk.clocksource()).isSameAs(hpet);
        for (ClockId clock : ClockId.values()) {
            long after = tk.readNs(clock, hpetNow);
            if (clock.coarse()) {
                // everything up to the switch is accumulated: the base is the fine clock's reading
                ClockId fine = clock.wallClock() ? ClockId.REALTIME : ClockId.MONOTONIC;
                assertThat(after).as(clock.id()).isEqualTo(before[fine.ordinal()]);
            } else {
                assertThat(after).as(clock.id()).isEqualTo(before[clock.ordinal()]);
            }
        }
        // and it continues at the HPET's rate
        long hpetLater = (hpetNow + 14_318_180L / 10) & 0xFFFF_FFFFL; // 100 ms, maybe across the wrap
        tk.advance(hpetLater);
        assertThat((double) tk.readNs(ClockId.MONOTONIC_RAW, hpetLater) - before[ClockId.MONOTONIC_RAW.ordinal()])
                .isCloseTo(1e8, within(2.0));
    }
}
