package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The port must give StrictMath.log's bits exactly, on every path of e_log.c (NaN payloads aside). */
class FdlibmLogTest {
    private static void assertSameBits(double x) {
        assertThat(Double.doubleToLongBits(FdlibmLog.log(x)))
                .as("log(%s)", x)
                .isEqualTo(Double.doubleToLongBits(StrictMath.log(x)));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
                            Double.NEGATIVE_INFINITY, 1.0, 2.0, 0.5, Math.E, 10.0, Double.MIN_VALUE,
                            Double.MIN_NORMAL, Double.MAX_VALUE, 0x1.0p-53, 1 - 0x1.0p-53, 1 + 0x1.0p-52,
                            0.7071067811865476, 1.4142135623730951})
    void specialAndBoundaryValues(double x) {
        assertSameBits(x);
    }

    /** What the generator takes logs of: uniforms on (0, 1], and the polar method's s in (0, 1). */
    @Test
    void uniformsOnTheUnitInterval() {
        RandomStream random = new RandomStream(99);
        for (int i = 0; i < 2_000_000; i++) {
            assertSameBits(1 - random.nextDouble());
        }
    }

    @Test
    void randomBitPatternsOverTheWholeRange() {
        RandomStream random = new RandomStream(100);
        for (int i = 0; i < 1_000_000; i++) {
            assertSameBits(Double.longBitsToDouble(random.nextLong() >>> 1));
        }
    }

    /** Within 2^-20 of a power of two, e_log.c takes its short path. */
    @Test
    void nearPowersOfTwo() {
        RandomStream random = new RandomStream(101);
        for (int i = 0; i < 200_000; i++) {
            double power = StrictMath.scalb(1.0, (int) random.nextLong(-1074, 1024));
            double offset = (random.nextDouble() - 0.5) * 0x1.0p-19;
            assertSameBits(power * (1 + offset));
            assertSameBits(Math.nextUp(power));
            assertSameBits(Math.nextDown(power));
        }
    }
}
