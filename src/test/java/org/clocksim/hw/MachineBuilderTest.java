package org.clocksim.hw;

import org.clocksim.TestSpecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.junit.jupiter.api.Test;

class MachineBuilderTest {
    private static final long US = 1_000_000;
    private static final long S = 1_000_000_000_000L;

    private static MachineSpec spec(List<Long> socketOffsets, long coreStdDev, double drift, List<Double> socketDrift,
                                    double wander) {
        return TestSpecs.machine(2, 2, TestSpecs.tsc(2.4e9, socketOffsets, coreStdDev, drift, socketDrift, wander,
                1_000_000_000L));
    }

    @Test
    void socketOffsetsBecomeCounterOffsetsAtTheNominalFrequency() {
        Machine machine = MachineBuilder.build(spec(List.of(0L, 2 * US), 0, 0, List.of(0.0, 0.0), 0),
                new RandomStreams(1, 0), new Simulation());
        assertThat(machine.readTsc(0, 0)).isZero();
        assertThat(machine.readTsc(2, 0)).isEqualTo(4800);
        assertThat(machine.offsetNs(3, 5 * US)).isCloseTo(2000, within(1e-6));
        assertThat(machine.socketOf(1)).isZero();
        assertThat(machine.socketOf(2)).isOne();
    }

    @Test
    void commonAndSocketDriftAddUp() {
        Machine machine = MachineBuilder.build(spec(List.of(0L, 0L), 0, 30, List.of(0.0, 10.0), 0),
                new RandomStreams(1, 0), new Simulation());
        assertThat(machine.offsetNs(0, S)).isCloseTo(30_000, within(1.0)); // 30 ppm of 1 s
        assertThat(machine.offsetNs(2, S)).isCloseTo(40_000, within(1.0));
    }

    @Test
    void coreOffsetsAreNormalWithTheConfiguredSpread() {
        MachineSpec spec = TestSpecs.machine(1, 4000, TestSpecs.tsc(2.4e9, List.of(0L), 100_000, 0, List.of(0.0), 0,
                1_000_000_000L));
        Machine machine = MachineBuilder.build(spec, new RandomStreams(7, 0), new Simulation());
        SummaryStatistics offsets = new SummaryStatistics();
        for (int core = 0; core < machine.cores(); core++) {
            offsets.addValue(machine.offsetNs(core, 0));
        }
        assertThat(offsets.getMean()).isCloseTo(0, within(5.0));
        assertThat(offsets.getStandardDeviation()).isCloseTo(100, within(5.0));
    }

    @Test
    void wanderReAnchorsEachSocketOnItsOwnAsARandomWalk() {
        double wander = 2.0; // ppm per sqrt(s)
        Simulation simulation = new Simulation();
        Machine machine = MachineBuilder.build(spec(List.of(0L, 0L), 0, 0, List.of(0.0, 0.0), wander),
                new RandomStreams(3, 0), simulation);
        simulation.run(4 * S);
        double rate0 = machine.counter(0).cyclesPerPs();
        assertThat(machine.counter(1).cyclesPerPs()).isEqualTo(rate0);
        assertThat(machine.counter(2).cyclesPerPs()).isNotEqualTo(rate0);
        // after 4 s the walk's standard deviation is 2 ppm * sqrt(4) = 4 ppm; 6 sigma bound
        double ppm = (rate0 / (2.4e9 / 1e12) - 1) * 1e6;
        assertThat(Math.abs(ppm)).isGreaterThan(0).isLessThan(24);
    }

    @Test
    void theSameStreamsBuildTheSameMachine() {
        MachineSpec spec = spec(List.of(0L, 3 * US), 50_000, 5, List.of(0.0, 1.0), 1);
        Simulation a = new Simulation();
        Simulation b = new Simulation();
        Machine first = MachineBuilder.build(spec, new RandomStreams(9, 0), a);
        Machine second = MachineBuilder.build(spec, new RandomStreams(9, 0), b);
        a.run(S / 10);
        b.run(S / 10);
        for (int core = 0; core < 4; core++) {
            assertThat(first.readTsc(core, S / 10)).isEqualTo(second.readTsc(core, S / 10));
        }
    }
}
