package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clocksim.TestSpecs;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two real failures of the TSC_ADJUST compensation (experiments/incidents), over many boots: the physics
 * (hand-offs with no floor, whose cost varies from run to run) and not the outcome is modelled, so the failure
 * is a share of seeds. Each compensation leaves the run's shortest hand-off as the residual, and the third run
 * warps iff the three runs' shortest hand-offs fell in a row: for independent, continuous run minima that is
 * 1/3! = 1/6 of the boots whose first run warps (all of them here). Whole cycles make ties, which lower it a
 * little. Over 300 boots the 99 % binomial interval around 1/6 is ±0.055: the band [0.10, 0.23]. The real
 * reports say the failure happens "sometime" on some machines; one boot in six is such a share.
 */
class SyncCheckIncidentTest {
    private static final int BOOTS = 300;

    private static Experiment incident(String name) throws IOException {
        return TestSpecs.load(Files.readString(Path.of("experiments", "incidents", name + ".yaml")));
    }

    /**
     * Cooper Lake: package 2 (CPU 36) is 95,765 cycles behind, the others in step; KVM: CPU 1 169 G cycles behind.
     * Each failing boot compensates twice and then reports a warp of a few cycles to a few hundred, the last run's.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"cooper-lake-tsc-adjust-overhead, 36, 95765, 300", "kvm-hotplug-tsc-adjust-235-cycles, 1, 169175101779, 1000"})
    void theThirdRunStillWarpsOnAboutOneBootInSixWithASmallLastWarp(String name, int cpu, long behindCycles,
                                                                    long smallWarp) throws IOException {
        Experiment incident = incident(name);
        int failed = 0;
        for (long seed = 0; seed < BOOTS; seed++) {
            KernelRig rig = new KernelRig(incident.withSeed(seed));
            KernelReport report = rig.kernel.report();
            KernelReport.SyncCheckResult tested = report.syncCheck().stream().filter(r -> r.cpu() == cpu).findFirst()
                    .orElseThrow();
            // the first run sees the offset less that run's shortest hand-off (a few hundred cycles)
            assertThat(tested.runWarpsCycles().get(0)).isBetween(behindCycles - 3 * smallWarp, behindCycles - 20);
            assertThat(report.syncCheck()).filteredOn(r -> r.runs() > 0 && r.cpu() != cpu)
                    .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(SyncCheckVerdict.OK));
            if (tested.verdict() == SyncCheckVerdict.UNSTABLE) {
                failed++;
                assertThat(tested.runs()).isEqualTo(3);
                assertThat(tested.runWarpsCycles()).hasSize(3);
                assertThat(tested.runWarpsCycles().subList(1, 3)).allSatisfy(w -> assertThat(w).isBetween(1L, smallWarp));
                assertThat(tested.compensationCycles())
                        .isEqualTo(tested.runWarpsCycles().get(0) + tested.runWarpsCycles().get(1));
                assertThat(report.switches()).singleElement().satisfies(s -> assertThat(s.reason())
                        .isEqualTo("Measured " + tested.runWarpsCycles().get(2)
                                + " cycles TSC warp between CPUs, turning off TSC clock"));
                // no CPU after the failing one is tested or set
                assertThat(report.syncCheck()).filteredOn(r -> r.cpu() > cpu)
                        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(SyncCheckVerdict.SKIPPED));
            } else {
                assertThat(tested.verdict()).isEqualTo(SyncCheckVerdict.COMPENSATED);
                assertThat(report.switches()).isEmpty();
                long residual = rig.machine.readTsc(cpu, 0) - rig.machine.readTsc(0, 0);
                assertThat(Math.abs(residual)).as("residual after compensation").isLessThan(smallWarp);
                // the rest of the package takes the compensated CPU's TSC_ADJUST and reads as it does
                List<Integer> siblings = report.syncCheck().stream().map(KernelReport.SyncCheckResult::cpu)
                        .filter(c -> c != cpu && rig.machine.socketOf(c) == rig.machine.socketOf(cpu)).toList();
                for (int sibling : siblings) {
                    assertThat(rig.machine.readTsc(sibling, 0)).isEqualTo(rig.machine.readTsc(cpu, 0));
                }
            }
        }
        assertThat(failed / (double) BOOTS).as("share of boots that turn the TSC off").isBetween(0.10, 0.23);
    }
}
