package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeUnitsTest {
    /** Seeded picosecond counts up to a day and beyond 2^53 ps: the product is the quotient or a neighbour of it. */
    @Test
    void nsByProductIsWithinAnUlpOfTheQuotient() {
        RandomStream random = new RandomStream(20261203);
        for (int i = 0; i < 1_000_000; i++) {
            long ps = random.nextLong(0, i % 2 == 0 ? 86_400 * TimeUnits.PS_PER_S : Long.MAX_VALUE);
            double quotient = TimeUnits.ns(ps);
            assertThat(Math.abs(TimeUnits.nsByProduct(ps) - quotient)).as("%d ps", ps)
                    .isLessThanOrEqualTo(Math.ulp(quotient));
        }
    }

    @Test
    void nsByProductIsExactForWholeNanoseconds() {
        for (long ns = 0; ns < 100_000; ns++) {
            assertThat(TimeUnits.nsByProduct(ns * TimeUnits.PS_PER_NS)).isEqualTo((double) ns);
        }
    }
}
