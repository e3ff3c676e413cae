package org.clocksim.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.clocksim.TestSpecs;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.junit.jupiter.api.Test;

class SkewSamplerTest {
    private static final long DAY_PS = 86_400L * 1_000_000_000_000L;

    @Test
    void samplesADayLongRunEvenlyWithoutOverflowing() {
        // a day × 199 is beyond a long: the sample times were computed as durationPs · i / (n − 1)
        Simulation simulation = new Simulation();
        Machine machine = MachineBuilder.build(TestSpecs.defaults().machine(), new RandomStreams(1, 0), simulation);
        SkewSampler sampler = new SkewSampler(machine);
        sampler.schedule(simulation, DAY_PS, 200);
        simulation.run(DAY_PS);
        sampler.sample(DAY_PS);
        assertThat(sampler.samples()).hasSize(200 * machine.cores());
        assertThat(sampler.samples().get(machine.cores()).timePs()).isEqualTo(DAY_PS / 199);
        long exact = BigInteger.valueOf(DAY_PS).multiply(BigInteger.valueOf(198)).divide(BigInteger.valueOf(199))
                .longValueExact();
        assertThat(sampler.samples().get(198 * machine.cores()).timePs()).isEqualTo(exact);
    }
}
