package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ZigguratTest {
    private static final int DRAWS = 1_000_000;

    static Stream<Arguments> shapes() {
        return Stream.of(Arguments.of("normal", Ziggurat.NORMAL, new NormalDistribution(null, 0, 1)),
                Arguments.of("exponential", Ziggurat.EXPONENTIAL, new ExponentialDistribution(null, 1)));
    }

    /** The tables close: layer 0 (rectangle plus tail) and every layer above it have the area v. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void everyLayerHasTheSameArea(String name, Ziggurat ziggurat, RealDistribution unused) {
        double[] x = ziggurat.edges();
        double v = ziggurat.layerArea();
        assertThat(x).hasSize(257);
        assertThat(x[256]).isZero();
        for (int i = 1; i < 256; i++) {
            assertThat(x[i]).as("edge %d", i).isGreaterThan(x[i + 1]);
            double area = x[i] * (ziggurat.density(x[i + 1]) - ziggurat.density(x[i]));
            assertThat(area / v).as("layer %d", i).isCloseTo(1, within(1e-9));
        }
        assertThat(x[0] * ziggurat.density(x[1])).isCloseTo(v, within(1e-15));
    }

    /** The whole distribution, against its CDF: a wrong table entry or a wrong wedge test shows here. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void samplesFollowTheDistribution(String name, Ziggurat ziggurat, RealDistribution distribution) {
        RandomStream random = new RandomStream(name.hashCode());
        double[] x = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            x[i] = ziggurat.sample(random);
        }
        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(distribution, x)).isGreaterThan(0.001);
    }

    /** The tails, which the ziggurat draws by another method (beyond 3.65 and 7.70): their share and their shape. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void tailsHaveTheirProbability(String name, Ziggurat ziggurat, RealDistribution distribution) {
        RandomStream random = new RandomStream(name.hashCode() + 1);
        double r = ziggurat.edges()[1];
        double twiceR = r + 1.5;
        long beyond = 0;
        long farBeyond = 0;
        int draws = 4 * DRAWS;
        for (int i = 0; i < draws; i++) {
            double v = Math.abs(ziggurat.sample(random));
            beyond += v > r ? 1 : 0;
            farBeyond += v > twiceR ? 1 : 0;
        }
        double sides = distribution instanceof NormalDistribution ? 2 : 1;
        double p = sides * (1 - distribution.cumulativeProbability(r));
        double q = sides * (1 - distribution.cumulativeProbability(twiceR));
        assertThat((double) beyond).isCloseTo(p * draws, within(5 * Math.sqrt(p * draws)));
        assertThat((double) farBeyond).isCloseTo(q * draws, within(5 * Math.sqrt(q * draws) + 3));
    }

    @Test
    void theNormalIsSymmetric() {
        RandomStream random = new RandomStream(17);
        long negative = 0;
        for (int i = 0; i < DRAWS; i++) {
            negative += Ziggurat.NORMAL.sample(random) < 0 ? 1 : 0;
        }
        assertThat((double) negative).isCloseTo(DRAWS / 2.0, within(5 * Math.sqrt(DRAWS / 4.0)));
    }
}
