package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clocksim.TestSpecs;
import org.clocksim.experiment.Experiment;
import org.clocksim.experiment.OutputSpec;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.TickSpec;
import org.clocksim.source.SourceId;
import org.clocksim.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

/** An experiment built in code is as safe as one read from a file: immutable, and impossible values refused where built. */
class SpecInvariantsTest {
    private static final Experiment DEFAULTS = TestSpecs.defaults();

    @Test
    void anExperimentsSourcesCannotBeChanged() {
        assertThatThrownBy(() -> DEFAULTS.sources().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.workload().sources().add(SourceId.RDTSCP))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> DEFAULTS.machine().tsc().socketOffsetPs().set(0, 5L))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aKernelWithoutATickIsRefusedWhereItIsBuilt() {
        TickSpec tick = DEFAULTS.kernel().tick();
        assertThatThrownBy(() -> DEFAULTS.kernel().withTick(new TickSpec(0, tick.timekeepingCpu(), tick.latencyPs())))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("hz must be > 0, got 0");
    }

    @Test
    void impossibleMachinesWorkloadsAndRunsAreRefused() {
        MachineSpec m = DEFAULTS.machine();
        assertThatThrownBy(() -> new MachineSpec(0, 2, m.tsc(), m.hpet(), m.acpiPm(), m.events()))
                .hasMessageContaining("sockets must be > 0");
        WorkloadSpec w = DEFAULTS.workload();
        assertThatThrownBy(() -> new WorkloadSpec(1, w.pattern(), w.handoffLatency(), w.handoffOrder(), w.thinkTime(),
                List.of(), w.calibrationErrorPpm(), w.mode(), w.program())).hasMessageContaining("at least one source");
        assertThatThrownBy(() -> new OutputSpec(10, 1, -1)).hasMessageContaining("skewSamples");
        assertThatThrownBy(() -> new Experiment("x", "", 1, 0, DEFAULTS.latency(), DEFAULTS.machine(), DEFAULTS.kernel(),
                DEFAULTS.scheduler(), DEFAULTS.workload(), DEFAULTS.sources(), DEFAULTS.output(), DEFAULTS.simulation()))
                .hasMessageContaining("durationPs must be > 0");
    }
}
