package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clocksim.ExperimentFixture.MS;
import static org.clocksim.ExperimentFixture.NS;
import static org.clocksim.ExperimentFixture.US;

import java.util.List;
import org.clocksim.ExperimentFixture;
import org.clocksim.engine.Distribution;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.observe.BackwardEvent;
import org.clocksim.observe.Cause;
import org.clocksim.observe.EventKind;
import org.clocksim.observe.SourceResult;
import org.clocksim.report.SummaryJson;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.junit.jupiter.api.Test;

class ExperimentRunnerTest {
    private static RunResults run(Experiment experiment, int workers) {
        return new ExperimentRunner(workers, ProgressListener.NONE).run(experiment, 0);
    }

    private static ExperimentFixture migratingAcrossSockets() {
        return ExperimentFixture.twoSockets().socketOffsets(0L, 20 * US).threads(1)
                .migration(MigrationPolicy.POISSON, 2000, 0, List.of(), new Distribution.Fixed(5 * US))
                .sources(SourceId.RDTSC, SourceId.RDTSCP).duration(20 * MS);
    }

    @Test
    void aMigrationFromTheAheadSocketGoesBackByTheOffsetMinusTheGap() {
        SourceResult rdtsc = run(migratingAcrossSockets().latency(new Distribution.Fixed(20 * NS)).build(), 1)
                .sources().get(0);
        assertThat(rdtsc.thread().backwardEvents()).isPositive();
        assertThat(rdtsc.events()).allSatisfy(e -> {
            assertThat(e.cause()).isEqualTo(Cause.MIGRATION);
            assertThat(e.kind()).isEqualTo(EventKind.THREAD);
            assertThat(e.coreBefore()).isGreaterThanOrEqualTo(2);
            assertThat(e.coreAfter()).isLessThan(2);
            // 20 us offset minus the 20 ns between the two samples minus a 5 us gap per migration between
            // them: at 2000/s, about 1 % of migrations come within the gap of the previous one
            double gaps = (20_000 - 20 - e.magnitudeNs()) / 5_000;
            assertThat(gaps).isGreaterThanOrEqualTo(1).isCloseTo(Math.rint(gaps), within(0.0002));
        });
        assertThat(rdtsc.events()).filteredOn(e -> e.magnitudeNs() >= 14_979.0 && e.magnitudeNs() <= 14_981.0)
                .hasSizeGreaterThan(rdtsc.events().size() * 3 / 4);
    }

    @Test
    void sourcesShareTheMachineAndTheSchedule() {
        RunResults results = run(migratingAcrossSockets().build(), 1);
        SourceResult rdtsc = results.sources().get(0);
        SourceResult rdtscp = results.sources().get(1);
        assertThat(rdtscp.threads().get(0).migrations()).isEqualTo(rdtsc.threads().get(0).migrations()).isPositive();
        assertThat(rdtscp.thread().backwardEvents()).isEqualTo(rdtsc.thread().backwardEvents());
        assertThat(rdtscp.cpuChangesSeen()).isPositive().isLessThanOrEqualTo(rdtscp.migratedReads());
        assertThat(rdtsc.cpuChangesSeen()).isEqualTo(-1);
        assertThat(rdtscp.reads()).isLessThan(rdtsc.reads()); // rdtscp is slower
    }

    @Test
    void pinnedThreadsNeverGoBackwardsWhateverTheOffsets() {
        RunResults results = run(ExperimentFixture.twoSockets().socketOffsets(0L, 20 * US).threads(4)
                .coreOffsetStdDev(500 * NS).drift(30).socketDrift(0.0, 5.0).wander(1)
                .sources(SourceId.RDTSC, SourceId.RDTSCP).build(), 2);
        assertThat(results.sources()).allSatisfy(s -> {
            assertThat(s.reads()).isPositive();
            assertThat(s.eventsTotal()).isZero();
        });
    }

    @Test
    void lockHandoffFromTheAheadSocketGoesBackByTheOffsetMinusTheHandoff() {
        RunResults results = run(ExperimentFixture.twoSockets().socketOffsets(0L, 2 * US).threads(4)
                .lockHandoff(new Distribution.Fixed(120 * NS), HandoffOrder.ROUND_ROBIN)
                .latency(new Distribution.Fixed(20 * NS)).build(), 1);
        SourceResult rdtsc = results.sources().get(0);
        assertThat(rdtsc.thread().backwardEvents()).isZero();
        assertThat(rdtsc.crossThread().backwardEvents()).isPositive();
        // round robin over cores 0,1 | 2,3: only the hand-off 3 -> 0 crosses back, a quarter of them
        assertThat(rdtsc.crossThread().perMillion()).isCloseTo(250_000, org.assertj.core.data.Offset.offset(10.0));
        // 2 us - 120 ns hand-off - 10 ns to the sample point + 10 ns from the previous sample
        assertThat(rdtsc.crossThread().maxBackwardNs()).isCloseTo(2000 - 120 - 20, org.assertj.core.data.Offset.offset(1.0));
        assertThat(rdtsc.events()).allSatisfy(e -> {
            assertThat(e.cause()).isEqualTo(Cause.HANDOFF);
            assertThat(e.coreBefore()).isEqualTo(3);
            assertThat(e.coreAfter()).isZero();
            assertThat(e.previousThread()).isEqualTo(3);
        });
    }

    @Test
    void synchronizedCountersShowNoCrossThreadEvents() {
        RunResults results = run(ExperimentFixture.twoSockets().threads(4)
                .lockHandoff(new Distribution.Exponential(100 * NS), HandoffOrder.RANDOM)
                .migration(MigrationPolicy.POISSON, 5000, 0, List.of(), new Distribution.Exponential(2 * US))
                .sources(SourceId.RDTSC, SourceId.RDTSCP).build(), 2);
        assertThat(results.sources()).allSatisfy(s -> assertThat(s.eventsTotal()).isZero());
    }

    @Test
    void theSameSeedGivesTheSameResultsWhateverTheWorkers() {
        Experiment experiment = migratingAcrossSockets().wander(2).coreOffsetStdDev(100 * NS).build();
        String one = SummaryJson.toJson(run(experiment, 1)).toString();
        String two = SummaryJson.toJson(run(experiment, 2)).toString();
        String other = SummaryJson.toJson(run(experiment.withSeed(2), 2)).toString();
        assertThat(two).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void eventsBeyondTheCapAreCountedButNotKept() {
        SourceResult rdtsc = run(migratingAcrossSockets().maxEvents(3).build(), 1).sources().get(0);
        assertThat(rdtsc.events()).hasSize(3);
        assertThat(rdtsc.eventsTotal()).isGreaterThan(3);
        List<Long> times = rdtsc.events().stream().map(BackwardEvent::timePs).toList();
        assertThat(times).isSorted();
    }
}
