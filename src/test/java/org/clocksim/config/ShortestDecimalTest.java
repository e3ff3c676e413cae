package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.clocksim.engine.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortestDecimalTest {
    /** The last two are where JDK 17's Double.toString gives 17 digits (JDK-4511638). */
    @ParameterizedTest
    @CsvSource({"0.1, 0.1", "2.4e9, 2.4E+9", "31.6, 31.6", "-12.5, -12.5", "14318180, 1.431818E+7", "0, 0",
                "1e-5, 0.00001", "2e23, 2E+23", "1e23, 1E+23"})
    void knownValues(double value, String expected) {
        assertThat(ShortestDecimal.of(value)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @Test
    void readsBackAndNothingShorterDoes() {
        RandomStream random = new RandomStream(31);
        for (int i = 0; i < 100_000; i++) {
            double value = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() >>> 1) // any positive double
                    : Math.rint(random.nextDouble() * 1e6) / 1000; // a config-like 3-decimal value
            if (!Double.isFinite(value)) {
                continue;
            }
            BigDecimal shortest = ShortestDecimal.of(value);
            assertThat(shortest.doubleValue()).as("%s", value).isEqualTo(value);
            if (shortest.precision() > 1) {
                BigDecimal shorter = new BigDecimal(value).round(
                        new MathContext(shortest.precision() - 1, RoundingMode.HALF_EVEN));
                assertThat(shorter.doubleValue()).as("%s", value).isNotEqualTo(value);
            }
        }
    }
}
