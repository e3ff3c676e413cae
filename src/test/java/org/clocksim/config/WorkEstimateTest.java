package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.config.WorkEstimate.Resource;
import org.clocksim.engine.RandomStreams;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.Pass;
import org.clocksim.source.SourceId;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.engine.SimulationMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The estimate of a run's reads and events is within a factor of two of what the run does. */
class WorkEstimateTest {
    private static final double FACTOR = 2;

    static Stream<String> configs() {
        return Stream.of("""
                duration: 50ms
                machine: {sockets: 2, coresPerSocket: 2, tsc: {socketOffset: [0ns, 20us]}}
                scheduler: {migration: {policy: poisson, rate: 2000/s, gap: 5us}}
                workload: {threads: 2, thinkTime: {type: exponential, mean: 200ns}, sources: [rdtsc, rdtscp]}
                """, """
                duration: 20ms
                machine: {sockets: 2, coresPerSocket: 2}
                workload: {threads: 4, pattern: lock-handoff, handoffLatency: 100ns, sources: [rdtsc]}
                sources: {rdtsc: {latency: 12.6ns}}
                """, """
                duration: 20ms
                machine: {sockets: 2, coresPerSocket: 4, tsc: {wander: 1ppm, wanderInterval: 10us}}
                kernel: {hz: 1000, ntp: {frequency: 100ppm, flipEvery: 100us}}
                scheduler: {migration: {policy: periodic, interval: 10us, gap: 1us}}
                workload: {threads: 3, thinkTime: 50ns, sources: [vdso-clock_gettime]}
                """, """
                duration: 20ms
                workload: {threads: 2, mode: alternate, thinkTime: {type: exponential, mean: 1us},
                           sources: [vdso-clock_gettime, syscall-clock_gettime]}
                """, """
                duration: 10ms
                machine: {sockets: 1, coresPerSocket: 2}
                scheduler: {migration: {policy: ping-pong, interval: 20us, cores: [0, 1], gap: 5us}}
                workload: {threads: 1, thinkTime: 100ns, sources: [syscall-gettimeofday, getcpu]}
                """, """
                duration: 20ms
                machine: {coresPerSocket: 2, hypervisor: {kind: kvm, steal: {rate: 20000/s, duration: 5us},
                          pvclock: {syncPeriod: 50us, masterUpdatePeriod: 10us}}}
                workload: {threads: 2, thinkTime: 200ns, sources: [vdso-clock_gettime]}
                """, """
                duration: 1ns
                sources: {rdtsc: {latency: 0ns}}
                """);
    }

    /** The configs that fire events (the last one ends before its first tick). */
    static Stream<String> eventfulConfigs() {
        return configs().limit(6);
    }

    private record Actual(long reads, long events) {
    }

    private static Actual run(Experiment experiment) {
        List<List<SourceId>> passes = experiment.workload().mode() == WorkloadMode.ALTERNATE
                ? List.of(experiment.workload().sources())
                : experiment.workload().sources().stream().map(List::of).toList();
        long reads = 0;
        long events = 0;
        for (List<SourceId> ids : passes) {
            Pass pass = new Pass(experiment, ids, new RandomStreams(experiment.seed(), 0));
            pass.runUntil(experiment.durationPs());
            reads += pass.reads();
            events += pass.events();
        }
        return new Actual(reads, events);
    }

    @ParameterizedTest
    @MethodSource("configs")
    void readsAreWithinAFactorOfTwoOfARun(String yaml) {
        Experiment experiment = Configs.load(yaml);
        double estimate = WorkEstimate.of(experiment).total(Resource.READS);
        long actual = run(experiment).reads();
        assertThat(actual).isPositive();
        assertThat(estimate).isBetween(actual / FACTOR, actual * FACTOR);
    }

    /**
     * Fast mode: the reads estimated are those run exactly (next to events), within a factor of two of
     * the run's exact reads, and far fewer than exact mode's estimate of the same config.
     */
    @ParameterizedTest
    @ValueSource(strings = {"""
            duration: 200ms
            simulation: fast
            machine: {sockets: 4, coresPerSocket: 4, tsc: {socketOffset: [0ns, 0ns, 0ns, 20us],
                      socketDrift: [0ppm, 0ppm, 0ppm, 0.1ppm]}}
            kernel: {watchdog: on}
            scheduler: {migration: {policy: poisson, rate: 1000/s, gap: 5us}}
            workload: {threads: 16, thinkTime: 0ns, sources: [vdso-clock_gettime]}
            """, """
            duration: 100ms
            simulation: fast
            machine: {sockets: 2, coresPerSocket: 2, tsc: {socketOffset: [0ns, 20us]}}
            scheduler: {migration: {policy: poisson, rate: 2000/s, gap: 5us}}
            workload: {threads: 6, thinkTime: {type: exponential, mean: 200ns}, sources: [rdtsc, rdtscp]}
            """})
    void fastModeCountsTheExactReadsOnly(String yaml) {
        Experiment experiment = Configs.load(yaml);
        double estimate = WorkEstimate.of(experiment).total(Resource.READS);
        long exactReads = 0;
        for (SourceId id : experiment.workload().sources()) {
            Pass pass = new Pass(experiment, List.of(id), new RandomStreams(experiment.seed(), 0));
            pass.runUntil(experiment.durationPs());
            exactReads += pass.reads() - pass.aggregatedReads();
        }
        assertThat(exactReads).isPositive();
        assertThat(estimate).isBetween(exactReads / FACTOR, exactReads * FACTOR);
        double exactMode = WorkEstimate.of(experiment.withSimulation(SimulationMode.EXACT)).total(Resource.READS);
        assertThat(estimate).isLessThan(exactMode / 10);
    }

    /** The 64-core experiment validates in fast mode within the default limits; in exact mode its reads are refused. */
    @Test
    void theSixtyFourCoreExperimentFitsTheLimitsInFastModeOnly() throws Exception {
        Experiment fast = ExperimentLoader.load(Path.of("experiments",
                "fast-64-cores-1h.yaml"), List.of());
        assertThat(fast.simulation()).isEqualTo(SimulationMode.FAST);
        WorkEstimate estimate = WorkEstimate.of(fast);
        for (Resource resource : Resource.values()) {
            assertThat(estimate.total(resource)).as(resource.key()).isLessThanOrEqualTo(WorkLimits.DEFAULT.of(resource));
        }
        assertThat(WorkEstimate.of(fast.withSimulation(SimulationMode.EXACT)).total(Resource.READS))
                .isGreaterThan(100 * WorkLimits.DEFAULT.of(Resource.READS));
    }

    /**
     * A watchdog that can mark the TSC unstable before the end (80 ms apart by then, beyond 4.6's 62.5 ms
     * margin) moves the reads to the HPET: fast mode still aggregates them through the syscall, but not
     * before 4.7, when the vDSO reads the HPET itself: then every read is counted.
     */
    @ParameterizedTest
    @ValueSource(strings = {"4.6", "6.18"})
    void aDriftTheWatchdogCatchesCountsEveryReadOnlyWhileTheVdsoReadsTheHpet(String version) {
        Experiment experiment = Configs.load("""
                duration: 2s
                simulation: fast
                machine: {sockets: 2, coresPerSocket: 1, tsc: {socketDrift: [0ppm, 40000ppm]}}
                kernel: {watchdog: on, version: "%s"}
                workload: {threads: 2, thinkTime: 0ns, sources: [vdso-clock_gettime]}
                """.formatted(version));
        double fast = WorkEstimate.of(experiment).total(Resource.READS);
        double exact = WorkEstimate.of(experiment.withSimulation(SimulationMode.EXACT)).total(Resource.READS);
        if (version.equals("4.6")) {
            assertThat(fast).isEqualTo(exact);
        } else {
            assertThat(fast).isLessThan(exact / 10);
        }
    }

    @ParameterizedTest
    @MethodSource("eventfulConfigs")
    void eventsAreWithinAFactorOfTwoOfARun(String yaml) {
        Experiment experiment = Configs.load(yaml);
        WorkEstimate estimate = WorkEstimate.of(experiment);
        // the run below schedules neither skew samples nor progress reports
        double simulated = estimate.total(Resource.EVENTS) - experiment.output().skewSamples()
                - (double) WorkEstimator.PROGRESS_EVENTS * estimate.passes();
        long actual = run(experiment).events();
        assertThat(simulated).isBetween(actual / FACTOR, actual * FACTOR);
    }
}
