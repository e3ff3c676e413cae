package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release's timekeeping rules (KernelRules.timekeeping): an adjtimex frequency change at once since
 * 4.19 (c2cda2a5bda9) or at the next tick before; the short tick's early return since 3.6; the coarse
 * clocks' rollback of 4.19 ... 6.14 and its 6.15 fix (b71f9804f66c); BOOTTIME and TAI.
 */
class TimekeeperAtOnceTest {
    private static final long TSC_HZ = 2_400_000_000L;
    private static final int HZ = 250;

    private static Timekeeper timekeeper(String version) {
        Timekeeper tk = new Timekeeper(HZ, KernelRules.timekeeping(KernelVersion.parse(version)), NtpUpdate.CONTINUOUS,
                0, 0, FakeCounter.tsc(TSC_HZ, 0), 0, 0);
        tk.startAtNtpFrequency(-500);
        return tk;
    }

    /** Ten ticks of a little more than one interval each; returns the counter at the last. */
    private static long tenTicks(Timekeeper tk) {
        long counter = 0;
        for (int i = 0; i < 10; i++) {
            counter += tk.cycleInterval() + 100;
            tk.advance(counter);
        }
        return counter;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4.19", "6.14", "6.15", "6.18"})
    void sinceFourNineteenAFrequencyChangeTakesEffectAtOnceAndKeepsTheFineClocksContinuous(String version) {
        Timekeeper tk = timekeeper(version);
        long now = tenTicks(tk) + tk.cycleInterval() / 2;
        long multBefore = tk.mult();
        long fineBefore = tk.readNs(ClockId.MONOTONIC, now);
        long cycleLast = tk.cycleLast();
        assertThat(tk.setNtpFrequency(500, now)).as("updated now").isTrue();
        assertThat((double) tk.mult() / multBefore - 1).isCloseTo(1000e-6, within(1e-6));
        assertThat(tk.readNs(ClockId.MONOTONIC, now)).isEqualTo(fineBefore);
        assertThat(tk.cycleLast()).as("nothing accumulated").isEqualTo(cycleLast);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.6.32", "3.6", "4.18"})
    void beforeFourNineteenItWaitsForTheNextTick(String version) {
        Timekeeper tk = timekeeper(version);
        long now = tenTicks(tk);
        long multBefore = tk.mult();
        assertThat(tk.setNtpFrequency(500, now + tk.cycleInterval() / 2)).isFalse();
        assertThat(tk.mult()).isEqualTo(multBefore);
        tk.advance(now + tk.cycleInterval() + 100);
        assertThat((double) tk.mult() / multBefore - 1).isCloseTo(1000e-6, within(1e-6));
    }

    /**
     * 4.19 ... 6.14: raising mult with half an interval unaccumulated lowers xtime_nsec by offset × Δmult, and
     * the coarse clocks, which read it alone, step back by 1000 ppm of half a tick (2 us) until the next tick.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4.19", "5.10", "6.14"})
    void untilSixFifteenRaisingMultBetweenTicksStepsTheCoarseClocksBack(String version) {
        Timekeeper tk = timekeeper(version);
        long now = tenTicks(tk) + tk.cycleInterval() / 2;
        long coarse = tk.readNs(ClockId.MONOTONIC_COARSE, 0);
        long realtimeCoarse = tk.readNs(ClockId.REALTIME_COARSE, 0);
        long multBefore = tk.mult();
        tk.setNtpFrequency(500, now);
        int shift = MultShift.forFrequency(TSC_HZ, MultShift.CONVERSION_RANGE_SECONDS).shift();
        long expected = ((tk.cycleInterval() / 2) * (tk.mult() - multBefore)) >> shift;
        assertThat(coarse - tk.readNs(ClockId.MONOTONIC_COARSE, 0)).isCloseTo(expected, within(1L)).isBetween(1900L, 2100L);
        assertThat(realtimeCoarse - tk.readNs(ClockId.REALTIME_COARSE, 0)).isCloseTo(expected, within(1L));
        assertThat(tk.coarseStepsBack()).isEqualTo(1);
        // lowering mult again steps them forward, not back
        tk.setNtpFrequency(-500, now + 1000);
        assertThat(tk.coarseStepsBack()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"6.15", "6.18"})
    void sinceSixFifteenTheCoarseClocksKeepTheLastTicksValueUntilTheNextAccumulation(String version) {
        Timekeeper tk = timekeeper(version);
        long now = tenTicks(tk) + tk.cycleInterval() / 2;
        long coarse = tk.readNs(ClockId.MONOTONIC_COARSE, 0);
        tk.setNtpFrequency(500, now);
        assertThat(tk.readNs(ClockId.MONOTONIC_COARSE, 0)).isEqualTo(coarse);
        assertThat(tk.coarseStepsBack()).isZero();
        tk.advance(now + tk.cycleInterval());
        assertThat(tk.readNs(ClockId.MONOTONIC_COARSE, 0)).isGreaterThan(coarse);
        assertThat(tk.readNs(ClockId.MONOTONIC_COARSE, 0)).isEqualTo(tk.readNs(ClockId.MONOTONIC, tk.cycleLast()));
    }

    /** A tick that finds less than one interval: nothing on 3.6 and later; before, mult is steered anyway. */
    @ParameterizedTest(name = "{0}: updates {1}")
    @CsvSource({"2.6.32, true", "3.5, true", "3.6, false", "4.18, false"})
    void aTickWithLessThanOneIntervalUpdatesOnlyBeforeThreeSix(String version, boolean updates) {
        Timekeeper tk = timekeeper(version);
        long now = tenTicks(tk);
        tk.setNtpFrequency(500, now); // pending until a tick (before 4.19)
        long multBefore = tk.mult();
        long cycleLast = tk.cycleLast();
        assertThat(tk.advance(cycleLast + tk.cycleInterval() - 1)).isEqualTo(updates);
        assertThat(tk.cycleLast()).isEqualTo(cycleLast);
        assertThat(tk.mult() != multBefore).isEqualTo(updates);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2.6.32", "6.18"})
    void boottimeIsMonotonicAndTaiIsRealtimePlusTheTaiOffset(String version) {
        long wallNs = 1_767_225_600_000_000_000L;
        long taiNs = 37_000_000_000L;
        Timekeeper tk = new Timekeeper(HZ, KernelRules.timekeeping(KernelVersion.parse(version)), NtpUpdate.CONTINUOUS,
                wallNs, taiNs, FakeCounter.tsc(TSC_HZ, 0), 0, 0);
        long now = tenTicks(tk) + 12_345;
        assertThat(tk.readNs(ClockId.BOOTTIME, now)).isEqualTo(tk.readNs(ClockId.MONOTONIC, now));
        assertThat(tk.readNs(ClockId.TAI, now)).isEqualTo(tk.readNs(ClockId.REALTIME, now) + taiNs);
        assertThat(tk.readNs(ClockId.REALTIME, now)).isEqualTo(tk.readNs(ClockId.MONOTONIC, now) + wallNs);
    }
}
