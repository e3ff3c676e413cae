package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.ExperimentFixture.MS;
import static org.clocksim.ExperimentFixture.NS;
import static org.clocksim.ExperimentFixture.US;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clocksim.ExperimentFixture;
import org.clocksim.TestSpecs;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.experiment.Experiment;
import org.clocksim.hw.kvm.HypervisorKind;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.hw.kvm.LiveMigration;
import org.clocksim.hw.kvm.PvclockSpec;
import org.clocksim.hw.kvm.StealSpec;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.ClocksourceSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.observe.Cause;
import org.clocksim.observe.SourceResult;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.clocksim.workload.HandoffOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The monotonicity contract on a KVM guest (issue 14): with synchronized vCPU TSCs (no offsets, no drift)
 * and a stable pvclock (stable bit, master clock), or without the master clock but with Linux's last_value
 * guard, no source goes backwards, for one thread or across threads,
 * whatever the steal, the host CPUs, the pvclock refreshes, new master-clock samples and live migrations
 * (scaled or not), on tsc or kvm-clock. Each case draws its hypervisor from a seeded stream.
 */
class KvmGuestContractTest {
    private static final KernelSpec DEFAULT_KERNEL = TestSpecs.defaults().kernel();
    private static final int CONFIGS_PER_SOURCE = 2;

    static Stream<Arguments> cases() {
        List<SourceId> sources = Arrays.stream(SourceId.values()).filter(id -> id != SourceId.GETCPU).toList();
        return sources.stream().flatMap(id -> Stream.of(ClocksourceId.TSC, ClocksourceId.KVM_CLOCK).flatMap(cs ->
                IntStream.range(0, CONFIGS_PER_SOURCE).mapToObj(seed -> Arguments.of(id, cs, seed))));
    }

    /** A random hypervisor: steal, host CPUs, refresh periods, new samples, migrations (scaled or not). */
    static HypervisorSpec randomHypervisor(long seed) {
        RandomStream random = new RandomStream(seed);
        StealSpec steal = new StealSpec(500 + 2000 * random.nextDouble(),
                new Distribution.Exponential(Math.round((5 + 50 * random.nextDouble()) * US)));
        // without the master clock there is no stable bit: then the last_value guard is what keeps it monotonic
        PvclockSpec pvclock = new PvclockSpec(true, true, random.nextDouble() < 0.75, true, 100 * NS,
                Math.round((100 + 900 * random.nextDouble()) * US),
                random.nextDouble() < 0.5 ? 0 : Math.round((100 + 900 * random.nextDouble()) * US));
        List<LiveMigration> migrations = new ArrayList<>();
        long at = Math.round((200 + 600 * random.nextDouble()) * US);
        for (int i = 0; i < 2; i++) {
            long downtime = Math.round((10 + 100 * random.nextDouble()) * US);
            migrations.add(new LiveMigration(at, downtime, 1.5e9 + 2e9 * random.nextDouble(), random.nextDouble() < 0.5));
            at += downtime + Math.round((200 + 400 * random.nextDouble()) * US);
        }
        return new HypervisorSpec(HypervisorKind.KVM, 1 + random.nextInt(4), List.of(), List.of(), List.of(), steal,
                pvclock, migrations);
    }

    @ParameterizedTest(name = "{0} on {1}, random hypervisor {2}")
    @MethodSource("cases")
    void synchronizedGuestWithStablePvclockNeverGoesBackwards(SourceId id, ClocksourceId clocksource, int config) {
        HypervisorSpec hypervisor = randomHypervisor(1_000L * id.ordinal() + 10L * clocksource.ordinal() + config);
        ExperimentFixture fixture = ExperimentFixture.twoSockets().threads(4).sources(id).hypervisor(hypervisor)
                .kernel(DEFAULT_KERNEL.withClocksources(new ClocksourceSpec(clocksource, ClocksourceId.KVM_CLOCK)))
                .duration(2 * MS)
                .migration(MigrationPolicy.POISSON, 20_000, 0, List.of(), new Distribution.Exponential(2 * US))
                .think(new Distribution.Exponential(50 * NS));
        if (config % 2 == 1) {
            fixture.lockHandoff(new Distribution.Exponential(100 * NS), HandoffOrder.RANDOM);
        }
        Experiment experiment = fixture.build();
        SourceResult result = new ExperimentRunner(1, ProgressListener.NONE).run(experiment, 0).sources().get(0);
        assertThat(result.reads()).isGreaterThan(100);
        assertThat(result.migratedReads()).isPositive();
        assertThat(result.eventsTotal()).as("backward events").isZero();
        assertThat(result.latencyPs().getMaxValue()).as("a steal or a downtime delayed some read")
                .isGreaterThan(5 * US);
        if (config % 2 == 1) {
            assertThat(result.crossThread().comparisons()).isPositive();
            assertThat(result.crossThread().backwardEvents()).as("cross-thread backward events").isZero();
        }
    }

    /** The harness sees what breaks the contract: a guest TSC 1000 ppm fast with a new master sample every 500 us (each steps kvm-clock back 500 ns). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernelClockSources")
    void driftingTscWithNewMasterSamplesGoesBackwardsOnKvmClock(SourceId id) {
        HypervisorSpec hypervisor = new HypervisorSpec(HypervisorKind.KVM, 2, List.of(), List.of(), List.of(),
                StealSpec.NONE, new PvclockSpec(true, true, true, true, 100 * NS, 0, 500 * US), List.of());
        Experiment experiment = ExperimentFixture.twoSockets().threads(1).sources(id).hypervisor(hypervisor).drift(1000)
                .kernel(DEFAULT_KERNEL.withClocksources(new ClocksourceSpec(ClocksourceId.KVM_CLOCK, ClocksourceId.HPET)))
                .duration(3 * MS).think(new Distribution.Exponential(50 * NS)).build();
        SourceResult result = new ExperimentRunner(1, ProgressListener.NONE).run(experiment, 0).sources().get(0);
        assertThat(result.eventsTotal()).as("backward events").isPositive();
        assertThat(result.causes()).containsOnlyKeys(Cause.KVM_CLOCK);
    }

    static Stream<SourceId> kernelClockSources() {
        return Stream.of(SourceId.VDSO_CLOCK_GETTIME, SourceId.SYSCALL_CLOCK_GETTIME);
    }
}
