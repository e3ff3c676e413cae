package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.clocksim.TestSpecs;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4) on two sockets of two
 * cores, release by release: from 4.10 with TSC_ADJUST only the first CPU of a package is tested and a
 * socket offset is compensated down to what the run's shortest hand-off hides, the other CPUs of a package
 * take its TSC_ADJUST; before 4.10, or without TSC_ADJUST, every CPU is tested once and a warp turns the TSC
 * off, after which no CPU is tested.
 */
class SyncCheckTest {
    private static final double TSC_HZ = 2.4e9;

    private static KernelRig boot(long seed, String version, String socketOffset, boolean tscAdjust) {
        return boot(seed, version, 2, 2, socketOffset + ", coreOffset: 0ns", tscAdjust);
    }

    private static KernelRig boot(long seed, String version, int sockets, int cores, String offsets,
                                  boolean tscAdjust) {
        return new KernelRig("duration: 1s\n"
                + "seed: " + seed + "\n"
                + "machine:\n"
                + "  sockets: " + sockets + "\n"
                + "  coresPerSocket: " + cores + "\n"
                + "  tsc: {frequency: 2.4GHz, socketOffset: " + offsets + ", tscAdjust: " + tscAdjust + "}\n"
                + "kernel:\n"
                + "  version: \"" + version + "\"\n"
                + "  tscSyncCheck: true\n");
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    /** The median hand-off of the warp test, in cycles: the scale of what it cannot see. */
    private static double gapCycles(KernelRig rig) {
        return rig.experiment.kernel().syncCheck().handoff().expectedValue() * TSC_HZ / 1e12;
    }

    private static long offsetCycles(KernelRig rig, int cpu) {
        return rig.machine.readTsc(cpu, 0) - rig.machine.readTsc(0, 0);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void withTscAdjustOnlyTheFirstCpuOfAPackageIsTestedAndItsSiblingTakesItsValue(long seed) {
        boolean ahead = seed % 2 == 0;
        KernelRig rig = boot(seed, "6.18", ahead ? "[0us, 10us]" : "[0us, -10us]", true);
        KernelReport report = rig.kernel.report();
        assertThat(report.syncCheck()).extracting(KernelReport.SyncCheckResult::cpu).containsExactly(1, 2, 3);
        // CPU 1 shares the boot CPU's package: not tested, nothing to write (the two leave reset together)
        KernelReport.SyncCheckResult sibling = report.syncCheck().get(0);
        assertThat(sibling.verdict()).isEqualTo(SyncCheckVerdict.SYNCHRONIZED);
        assertThat(sibling.runs()).isZero();
        assertThat(sibling.compensationCycles()).isZero();
        KernelReport.SyncCheckResult first = report.syncCheck().get(1);
        double offset = 10e-6 * TSC_HZ;
        // the first run sees the offset less the run's shortest hand-off
        assertThat((double) first.runWarpsCycles().get(0)).isBetween(offset - 2 * gapCycles(rig), offset);
        assertThat(first.compensationCycles()).isEqualTo(ahead ? -Math.abs(first.compensationCycles())
                : Math.abs(first.compensationCycles()));
        KernelReport.SyncCheckResult third = report.syncCheck().get(2);
        if (first.verdict() == SyncCheckVerdict.COMPENSATED) {
            assertThat(first.runs()).isBetween(2, 3);
            assertThat(first.warpCycles()).isZero();
            assertThat((double) Math.abs(offsetCycles(rig, 2))).as("residual").isLessThanOrEqualTo(2 * gapCycles(rig));
            // CPU 3 is set to CPU 2's TSC_ADJUST: the compensation, and it reads as CPU 2 does
            assertThat(third.verdict()).isEqualTo(SyncCheckVerdict.SYNCHRONIZED);
            assertThat(third.compensationCycles()).isEqualTo(first.compensationCycles());
            assertThat(offsetCycles(rig, 3)).isEqualTo(offsetCycles(rig, 2));
            assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.TSC);
        } else {
            // the third run still warped (about one boot in six): the TSC is off and CPU 3 is not touched
            assertThat(first.verdict()).isEqualTo(SyncCheckVerdict.UNSTABLE);
            assertThat(first.runs()).isEqualTo(3);
            assertThat(first.warpCycles()).isEqualTo(first.runWarpsCycles().get(2)).isPositive();
            assertThat(third.verdict()).isEqualTo(SyncCheckVerdict.SKIPPED);
            assertThat(third.compensationCycles()).isZero();
            assertThat(report.switches().get(0).reason()).isEqualTo("Measured " + first.warpCycles()
                    + " cycles TSC warp between CPUs, turning off TSC clock");
        }
    }

    /** Without TSC_ADJUST, or before 4.10 (the kernel did not use it): every CPU once, 1 run, and no CPU after a warp. */
    @ParameterizedTest
    @CsvSource({"6.18, false", "5.17, false", "4.9, true", "3.10, true", "2.6.32, false"})
    void withoutTscAdjustAWarpTurnsTheTscOffAndLaterCpusAreNotTested(String version, boolean tscAdjust) {
        for (long seed = 0; seed < 10; seed++) {
            KernelRig rig = boot(seed, version, "[0us, 10us]", tscAdjust);
            KernelReport report = rig.kernel.report();
            List<KernelReport.SyncCheckResult> results = report.syncCheck();
            assertThat(results).extracting(KernelReport.SyncCheckResult::verdict).containsExactly(
                    SyncCheckVerdict.OK, SyncCheckVerdict.UNSTABLE, SyncCheckVerdict.SKIPPED);
            KernelReport.SyncCheckResult failed = results.get(1);
            assertThat(failed.runs()).isEqualTo(1);
            assertThat(failed.compensationCycles()).isZero();
            assertThat((double) failed.warpCycles()).isBetween(24_000 - 2 * gapCycles(rig), 24_000.0);
            assertThat(failed.runWarpsCycles()).containsExactly(failed.warpCycles());
            // nothing was written: the offset is still there, on CPU 3 too
            assertThat(offsetCycles(rig, 2)).isBetween(23_999L, 24_000L);
            assertThat(offsetCycles(rig, 3)).isBetween(23_999L, 24_000L);
            assertThat(report.switches()).singleElement().satisfies(s -> {
                assertThat(s.timePs()).isZero();
                assertThat(s.from()).isEqualTo(ClocksourceId.TSC);
                assertThat(s.to()).isEqualTo(ClocksourceId.HPET);
                assertThat(s.reason()).isEqualTo("Measured " + failed.warpCycles()
                        + " cycles TSC warp between CPUs, turning off TSC clock");
            });
            // the vDSO reads the HPET itself until 4.7 (vread_hpet), else it makes the syscall
            assertThat(rig.kernel.vdsoCapable()).isEqualTo(KernelRules.hpetReadInUserMode(KernelVersion.parse(version)));
            assertThat(report.watchdogEnabled()).isFalse();
        }
    }

    /**
     * Offsets inside a package (firmware's TSC_ADJUST writes): with TSC_ADJUST (4.10 on) the siblings are set to
     * the package's first CPU and read alike, untested; on 4.9 the first sibling is tested and the TSC turned off.
     */
    @Test
    void anOffsetInsideAPackageIsSetRightWithTscAdjustAndTurnsTheTscOffWithout() {
        KernelRig adjusted = boot(4, "6.18", 1, 4, "[0ns], coreOffset: 3us", true);
        assertThat(adjusted.kernel.report().syncCheck()).extracting(KernelReport.SyncCheckResult::verdict)
                .containsOnly(SyncCheckVerdict.SYNCHRONIZED);
        for (int cpu = 1; cpu < 4; cpu++) {
            assertThat(offsetCycles(adjusted, cpu)).isZero();
        }
        assertThat(adjusted.kernel.report().syncCheck()).extracting(KernelReport.SyncCheckResult::compensationCycles)
                .doesNotContain(0L);
        KernelRig old = boot(4, "4.9", 1, 4, "[0ns], coreOffset: 3us", true);
        assertThat(old.kernel.report().syncCheck()).extracting(KernelReport.SyncCheckResult::verdict)
                .contains(SyncCheckVerdict.UNSTABLE).doesNotContain(SyncCheckVerdict.SYNCHRONIZED);
        assertThat(old.kernel.report().finalClocksource()).isEqualTo(ClocksourceId.HPET);
    }

    /**
     * Warps seen by both CPUs in one run ("TSC warped randomly between CPUs", 4.10 on): no compensation is tried.
     * Socket 1 runs 2000 ppm fast and is 10 us behind when its test starts (100 ms before t = 0, where it is 190 us
     * ahead), so it overtakes the boot CPU 5 ms into the first 20 ms run: first the target sees time go back,
     * then the boot CPU does.
     */
    @Test
    void warpsSeenByBothCpusEndTheTestAtOnce() {
        KernelRig rig = boot(2, "6.18", 2, 1, "[0us, 190us], coreOffset: 0ns, socketDrift: [0ppm, 2000ppm]", true);
        KernelReport.SyncCheckResult result = rig.kernel.report().syncCheck().get(0);
        assertThat(result.verdict()).isEqualTo(SyncCheckVerdict.UNSTABLE);
        assertThat(result.runs()).isEqualTo(1);
        assertThat(result.compensationCycles()).isZero();
        assertThat(result.warpCycles()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void synchronizedCountersAreOkWithoutCompensation(long seed) {
        KernelRig rig = boot(seed, seed % 3 == 0 ? "4.9" : "6.18", "[0us, 0us]", seed % 2 == 0);
        for (KernelReport.SyncCheckResult result : rig.kernel.report().syncCheck()) {
            assertThat(result.verdict()).isIn(SyncCheckVerdict.OK, SyncCheckVerdict.SYNCHRONIZED);
            assertThat(result.runs()).isLessThanOrEqualTo(1);
            assertThat(result.warpCycles()).isZero();
            assertThat(result.compensationCycles()).isZero();
        }
        assertThat(rig.kernel.report().switches()).isEmpty();
        assertThat(rig.machine.readTsc(3, 0)).isEqualTo(rig.machine.readTsc(0, 0));
    }

    @Test
    void anOffsetTheHandOffHidesIsNotAWarp() {
        // 5 cycles ahead: every hand-off takes far longer than that, so neither side sees time go back
        KernelRig rig = boot(5, "6.18", "[0ns, 2ns]", true);
        assertThat(rig.kernel.report().syncCheck()).extracting(KernelReport.SyncCheckResult::verdict)
                .containsExactly(SyncCheckVerdict.SYNCHRONIZED, SyncCheckVerdict.OK, SyncCheckVerdict.SYNCHRONIZED);
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
