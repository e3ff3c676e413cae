package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.ExperimentFixture.MS;
import static org.clocksim.ExperimentFixture.NS;
import static org.clocksim.ExperimentFixture.US;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.ExperimentFixture;
import org.clocksim.TestSpecs;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.ClocksourceSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.observe.SourceResult;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.clocksim.workload.HandoffOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every time source keeps (DESIGN.md, Tests): with synchronized counters (no offsets,
 * no drift, no NTP changes), whatever the migrations and hand-offs, no source ever goes backwards,
 * for a single thread or across threads. Run over every source, both workloads, every clock a
 * source may be set to, and both the TSC and the HPET as clocksource.
 */
class TimeSourceContractTest {
    private static final KernelSpec DEFAULT_KERNEL = TestSpecs.defaults().kernel();

    static Stream<Arguments> cases() {
        List<SourceId> sources = Arrays.stream(SourceId.values()).filter(id -> id != SourceId.GETCPU).toList();
        return sources.stream().flatMap(id -> Stream.of(ClocksourceId.TSC, ClocksourceId.HPET).flatMap(clocksource ->
                Stream.of(ClockId.MONOTONIC, ClockId.REALTIME, ClockId.MONOTONIC_RAW)
                        .filter(clock -> id.clockSelectable() || clock == ClockId.MONOTONIC)
                        .filter(clock -> id != SourceId.VDSO_CLOCK_GETTIME_COARSE || clock != ClockId.MONOTONIC_RAW)
                        .flatMap(clock -> Stream.of(true, false).map(handoff ->
                                Arguments.of(id, clocksource, clock, handoff)))));
    }

    @ParameterizedTest(name = "{0} on {1}, {2}, lock hand-off {3}")
    @MethodSource("cases")
    void synchronizedCountersNeverGoBackwards(SourceId id, ClocksourceId clocksource, ClockId clock, boolean handoff) {
        ExperimentFixture fixture = ExperimentFixture.twoSockets().threads(4).sources(id).clock(clock)
                .kernel(DEFAULT_KERNEL.withClocksources(new ClocksourceSpec(clocksource,
                        DEFAULT_KERNEL.clocksources().fallback()))).duration(clocksource == ClocksourceId.HPET ? 3 * MS : MS)
                .migration(MigrationPolicy.POISSON, 20_000, 0, List.of(), new Distribution.Exponential(2 * US))
                .think(new Distribution.Exponential(50 * NS));
        if (handoff) {
            fixture.lockHandoff(new Distribution.Exponential(100 * NS), HandoffOrder.RANDOM);
        }
        Experiment experiment = fixture.build();
        SourceResult result = new ExperimentRunner(1, ProgressListener.NONE).run(experiment, 0).sources().get(0);
        assertThat(result.reads()).isGreaterThan(100);
        assertThat(result.migratedReads()).isPositive();
        assertThat(result.eventsTotal()).as("backward events").isZero();
        if (handoff) {
            assertThat(result.crossThread().comparisons()).isPositive();
        }
    }
}
