package org.clocksim.hw.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The pvclock arithmetic: kvm_get_time_scale()'s mul and shift, pvclock_scale_delta(), the reading. */
class PvclockTest {

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(longs = {500_000_000L, 1_000_000_000L, 1_996_000_000L, 2_400_000_000L, 2_596_000_000L,
            3_500_000_000L, 5_000_000_000L})
    void oneSecondOfCyclesScalesToOneSecondOfNs(long hz) {
        Pvclock.Scale scale = Pvclock.Scale.of(hz);
        assertThat(scale.mul()).isLessThan(1L << 32).isGreaterThanOrEqualTo(1L << 31);
        assertThat(Pvclock.scaleDelta(hz, scale.mul(), scale.shift())).isCloseTo(1_000_000_000L, within(2L));
        assertThat(Pvclock.scaleDelta(hz * 60, scale.mul(), scale.shift())).isCloseTo(60_000_000_000L, within(60L));
    }

    @Test
    void aTscFasterThanTwoGhzShiftsDown() {
        assertThat(Pvclock.Scale.of(2_400_000_000L).shift()).isEqualTo(-1);
        assertThat(Pvclock.Scale.of(500_000_000L).shift()).as("doubled while at most a GHz: 1 GHz doubles too").isEqualTo(2);
    }

    @Test
    void readingIsSystemTimePlusTheScaledDelta() {
        Pvclock pv = new Pvclock();
        pv.write(1_000, 5_000, Pvclock.Scale.of(1_000_000_000L), Pvclock.TSC_STABLE_BIT);
        assertThat(pv.version()).isEqualTo(2);
        assertThat(pv.readNs(1_000)).isEqualTo(5_000);
        assertThat(pv.readNs(3_000)).isCloseTo(7_000, within(1L));
        assertThat(pv.flags()).isEqualTo(Pvclock.TSC_STABLE_BIT);
    }

    @Test
    void aTscBehindTheTimestampIsAHugeUnsignedDelta() {
        Pvclock pv = new Pvclock();
        pv.write(1_000, 5_000, Pvclock.Scale.of(2_400_000_000L), 0);
        assertThat(pv.readNs(999)).as("u64 delta: centuries ahead, not 1 ns back").isGreaterThan(1_000_000_000_000_000L);
    }
}
