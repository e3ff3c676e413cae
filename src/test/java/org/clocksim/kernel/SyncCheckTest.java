package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.clocksim.TestSpecs;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4) on two sockets of two
 * cores: with TSC_ADJUST a socket offset is compensated down to what the hand-off gap hides; without
 * it the TSC is marked unstable and the kernel boots on the fallback clocksource.
 */
class SyncCheckTest {
    private static final double TSC_HZ = 2.4e9;

    private static KernelRig boot(long seed, String socketOffset, boolean tscAdjust) {
        return new KernelRig("duration: 1s\n"
                + "seed: " + seed + "\n"
                + "machine:\n"
                + "  sockets: 2\n"
                + "  coresPerSocket: 2\n"
                + "  tsc: {frequency: 2.4GHz, socketOffset: " + socketOffset + ", tscAdjust: " + tscAdjust + "}\n"
                + "kernel:\n"
                + "  tscSyncCheck: true\n");
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    /** The mean hand-off gap of the warp test, in cycles: the scale of what it cannot see. */
    private static double gapCycles(KernelRig rig) {
        return rig.experiment.kernel().syncCheck().handoff().expectedValue() * TSC_HZ / 1e12;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withTscAdjustA10usSocketOffsetIsCompensated(long seed) {
        boolean ahead = seed % 2 == 0;
        KernelRig rig = boot(seed, ahead ? "[0us, 10us]" : "[0us, -10us]", true);
        KernelReport report = rig.kernel.report();
        assertThat(report.syncCheckEnabled()).isTrue();
        assertThat(report.syncCheck()).extracting(KernelReport.SyncCheckResult::cpu).containsExactly(1, 2, 3);
        KernelReport.SyncCheckResult sibling = report.syncCheck().get(0);
        assertThat(sibling.verdict()).isEqualTo(SyncCheckVerdict.OK);
        assertThat(sibling.compensationCycles()).isZero();
        double offsetCycles = 10e-6 * TSC_HZ;
        for (KernelReport.SyncCheckResult result : report.syncCheck().subList(1, 3)) {
            assertThat(result.verdict()).as("seed %d, %s", seed, result).isEqualTo(SyncCheckVerdict.COMPENSATED);
            assertThat(result.runs()).isBetween(2, SyncCheck.MAX_RUNS);
            // the first run sees the offset less the shortest hand-off gap
            assertThat((double) result.warpCycles()).isBetween(offsetCycles - 4 * gapCycles(rig), offsetCycles);
            assertThat(Math.abs(result.compensationCycles())).isBetween(result.warpCycles(),
                    (long) offsetCycles);
            assertThat(result.compensationCycles()).isEqualTo(ahead ? -Math.abs(result.compensationCycles())
                    : Math.abs(result.compensationCycles()));
            long residual = rig.machine.readTsc(result.cpu(), 0) - rig.machine.readTsc(0, 0);
            assertThat((double) Math.abs(residual)).as("residual offset of CPU %d", result.cpu())
                    .isLessThanOrEqualTo(gapCycles(rig));
        }
        assertThat(report.switches()).isEmpty();
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.TSC);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withoutTscAdjustTheTscIsUnstableAndTheKernelBootsOnTheFallback(long seed) {
        KernelRig rig = boot(seed, "[0us, 10us]", false);
        KernelReport report = rig.kernel.report();
        List<KernelReport.SyncCheckResult> results = report.syncCheck();
        assertThat(results.get(0).verdict()).isEqualTo(SyncCheckVerdict.OK);
        long maxWarp = 0;
        for (KernelReport.SyncCheckResult result : results.subList(1, 3)) {
            assertThat(result.verdict()).isEqualTo(SyncCheckVerdict.UNSTABLE);
            assertThat(result.runs()).isEqualTo(1);
            assertThat(result.compensationCycles()).isZero();
            assertThat((double) result.warpCycles()).isBetween(24_000 - 4 * gapCycles(rig), 24_000.0);
            maxWarp = Math.max(maxWarp, result.warpCycles());
        }
        // nothing was written: the offset is still there
        assertThat(rig.machine.readTsc(2, 0) - rig.machine.readTsc(0, 0)).isBetween(23_999L, 24_000L);
        assertThat(report.switches()).singleElement().satisfies(s -> {
            assertThat(s.timePs()).isZero();
            assertThat(s.from()).isEqualTo(ClocksourceId.TSC);
            assertThat(s.to()).isEqualTo(ClocksourceId.HPET);
        });
        assertThat(report.switches().get(0).reason())
                .isEqualTo("Measured " + maxWarp + " cycles TSC warp between CPUs, turning off TSC clock");
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.HPET);
        assertThat(rig.kernel.vdsoCapable()).isFalse();
        assertThat(report.watchdogEnabled()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void synchronizedCountersAreOkWithoutCompensation(long seed) {
        KernelRig rig = boot(seed, "[0us, 0us]", seed % 2 == 0);
        for (KernelReport.SyncCheckResult result : rig.kernel.report().syncCheck()) {
            assertThat(result.verdict()).isEqualTo(SyncCheckVerdict.OK);
            assertThat(result.runs()).isEqualTo(1);
            assertThat(result.warpCycles()).isZero();
            assertThat(result.compensationCycles()).isZero();
        }
        assertThat(rig.kernel.report().switches()).isEmpty();
        assertThat(rig.machine.readTsc(3, 0)).isEqualTo(rig.machine.readTsc(0, 0));
    }

    @Test
    void anOffsetTheHandOffHidesIsNotAWarp() {
        // 20 cycles ahead: every hand-off takes longer than that, so neither side sees time go back
        KernelRig rig = boot(5, "[0ns, 8ns]", true);
        assertThat(rig.kernel.report().syncCheck()).extracting(KernelReport.SyncCheckResult::verdict)
                .containsOnly(SyncCheckVerdict.OK);
    }

    @Test
    void tscReliableSkipsTheCheck() {
        // a config cannot ask for both (validate calls it a contradiction); the kernel still honours tsc=reliable
        Experiment checked = TestSpecs.load("duration: 1s\nmachine:\n  sockets: 2\n  tsc: {socketOffset: [0us, 10us]}\n"
                + "kernel:\n  tscSyncCheck: true\n");
        KernelRig rig = new KernelRig(checked.withKernel(checked.kernel().withTscReliable(true)));
        assertThat(rig.kernel.report().syncCheckEnabled()).isFalse();
        assertThat(rig.kernel.report().syncCheck()).isEmpty();
        assertThat(rig.kernel.report().finalClocksource()).isEqualTo(ClocksourceId.TSC);
        assertThat(rig.machine.readTsc(2, 0) - rig.machine.readTsc(0, 0)).isBetween(23_999L, 24_000L);
    }
}
