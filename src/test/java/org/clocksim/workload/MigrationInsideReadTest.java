package org.clocksim.workload;

import org.clocksim.engine.SimulationMode;
import org.clocksim.TestSpecs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.TscSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.Scheduler;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.observe.SourceObserver;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.CounterInstruction;
import org.clocksim.source.SourceId;
import org.clocksim.source.TimeSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A migration that lands inside a read. Back-to-back reads of 20 ns (counter sampled at +10 ns) on
 * a 1 GHz counter; one migration, from core 0 to core 2 whose counter is 1 ms ahead, with a 3 us
 * gap. Its time comes from the scheduler's stream (found by a dry run of the same scheduler); from
 * it every number of the pass is known exactly:
 * the interrupted read takes 20 ns + the gap; it samples the new core after the gap if the
 * migration lands at or before its sample point, else the old core; everything after shifts by
 * the gap.
 */
class MigrationInsideReadTest {
    private static final long NS = 1_000;
    private static final long US = 1_000_000;
    private static final long MS = 1_000_000_000;
    private static final long DURATION = 10 * MS;
    private static final long READ = 20 * NS;
    private static final long GAP = 3 * US;

    static LongStream seeds() {
        return LongStream.range(0, 12);
    }

    private static Scheduler scheduler(RandomStreams streams) {
        return new Scheduler(new SchedulerSpec(List.of(0), new MigrationSpec(MigrationPolicy.PING_PONG, 0, DURATION,
                List.of(0, 2), new Distribution.Fixed(GAP))), 1, 4, streams);
    }

    private static long firstMigration(long seed) {
        Scheduler dry = scheduler(new RandomStreams(seed, 0));
        List<Long> times = new ArrayList<>();
        dry.addListener((thread, time, gap) -> times.add(time));
        Simulation simulation = new Simulation();
        dry.start(simulation);
        simulation.run(DURATION);
        return times.isEmpty() ? -1 : times.get(0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void theInterruptedReadSamplesTheNewCoreAfterTheGapOnlyIfItHadNotSampledYet(long seed) {
        long migration = firstMigration(seed);
        long positionInRead = migration % READ;
        assumeTrue(migration > 0 && positionInRead != 0, "the migration must land inside a read");

        Simulation simulation = new Simulation();
        RandomStreams streams = new RandomStreams(seed, 0);
        Machine machine = MachineBuilder.build(TestSpecs.machine(2, 2, TestSpecs.tsc(1e9, List.of(0L, MS), 0, 0,
                List.of(0.0, 0.0), 0, MS)), streams, simulation);
        Scheduler scheduler = scheduler(streams);
        TimeSource source = new CounterInstruction(SourceId.RDTSCP, machine, scheduler, new Distribution.Fixed(READ),
                streams, 0);
        SourceObserver observer = new SourceObserver(source, scheduler, false, 100, streams.stream("aggregation"),
                streams.stream("sample"));
        WorkloadSpec spec = new WorkloadSpec(1, Pattern.INDEPENDENT, new Distribution.Fixed(0), HandoffOrder.ROUND_ROBIN,
                new Distribution.Fixed(0), List.of(SourceId.RDTSCP), 0, WorkloadMode.PASSES, Program.NONE);
        Workload loop = Workloads.create(spec, List.of(source), List.of(observer), null, streams,
                SimulationMode.EXACT, scheduler);
        scheduler.addListener(loop);
        scheduler.start(simulation);
        simulation.addActivity(loop);
        simulation.run(DURATION);
        SourceResult result = observer.result();

        long interrupted = migration / READ;
        boolean sampledAfterGap = positionInRead <= READ / 2;
        long reads = (DURATION - GAP) / READ - 1;
        assertThat(result.reads()).isEqualTo(reads);
        // the histogram keeps three significant digits
        assertThat((double) result.latencyPs().getMaxValue()).isCloseTo(READ + GAP, withinPercentage(0.1));
        assertThat((double) result.latencyPs().getMinValue()).isCloseTo(READ, withinPercentage(0.1));
        assertThat(result.migratedReads()).isEqualTo(1);
        assertThat(result.cpuChangesSeen()).isEqualTo(1);
        long readsOnNewCore = reads - interrupted - (sampledAfterGap ? 0 : 1);
        assertThat(result.error().meanNs()).isCloseTo(readsOnNewCore * 1e6 / reads, within(1e-3));
        assertThat(result.thread().backwardEvents()).isZero();
    }

    @org.junit.jupiter.api.Test
    void theSeedsCoverBothSidesOfTheSamplePoint() {
        List<Boolean> before = seeds().map(MigrationInsideReadTest::firstMigration)
                .mapToObj(m -> m % READ <= READ / 2).distinct().toList();
        assertThat(before).containsExactlyInAnyOrder(true, false);
    }
}
