package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.ExperimentFixture.MS;
import static org.clocksim.ExperimentFixture.NS;
import static org.clocksim.ExperimentFixture.US;

import java.util.List;
import org.clocksim.ExperimentFixture;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.source.SourceId;
import org.junit.jupiter.api.Test;

/** workload.mode: alternate, the vdsotest verify check (KERNEL-FACTS.md §5). */
class AlternateModeTest {
    private static ExperimentFixture migrating(Long... socketOffsets) {
        return ExperimentFixture.twoSockets().socketOffsets(socketOffsets).threads(2).duration(20 * MS)
                .clock(ClockId.REALTIME).alternate().think(new Distribution.Exponential(100 * NS))
                .migration(MigrationPolicy.POISSON, 5000, 0, List.of(), new Distribution.Fixed(2 * US));
    }

    private static List<CrossSourceStats> crossSource(ExperimentFixture fixture) {
        return new ExperimentRunner(1, ProgressListener.NONE).run(fixture.build(), 0).crossSource();
    }

    @Test
    void vdsoAndSyscallAgreeOnAHealthyMachine() {
        List<CrossSourceStats> pairs = crossSource(migrating(0L, 0L).sources(SourceId.VDSO_CLOCK_GETTIME,
                SourceId.SYSCALL_CLOCK_GETTIME, SourceId.VDSO_GETTIMEOFDAY, SourceId.VDSO_TIME));
        assertThat(pairs).hasSize(4); // each source against the one before it in the rotation
        assertThat(pairs).allSatisfy(p -> {
            assertThat(p.comparisons()).isPositive();
            assertThat(p.violations()).as(p.from() + "->" + p.to()).isZero();
        });
    }

    @Test
    void aSkewedMachineMakesTheSourcesDisagree() {
        List<CrossSourceStats> pairs = crossSource(migrating(0L, 20 * US).sources(SourceId.VDSO_CLOCK_GETTIME,
                SourceId.SYSCALL_CLOCK_GETTIME));
        assertThat(pairs.stream().mapToLong(CrossSourceStats::violations).sum()).isPositive();
        assertThat(pairs.stream().mapToDouble(CrossSourceStats::maxNs).max().orElse(0)).isBetween(14_000.0, 20_000.0);
    }

    @Test
    void eachSourceStillGetsItsOwnResults() {
        RunResults results = new ExperimentRunner(1, ProgressListener.NONE).run(migrating(0L, 0L)
                .sources(SourceId.VDSO_CLOCK_GETTIME, SourceId.SYSCALL_CLOCK_GETTIME).build(), 0);
        assertThat(results.sources()).extracting(s -> s.source()).containsExactly(SourceId.VDSO_CLOCK_GETTIME,
                SourceId.SYSCALL_CLOCK_GETTIME);
        long vdso = results.sources().get(0).reads();
        long syscall = results.sources().get(1).reads();
        assertThat(Math.abs(vdso - syscall)).isLessThanOrEqualTo(2); // strictly alternating, 2 threads
    }
}
