package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.clocksim.TestSpecs;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether the clocksource watchdog checks the TSC (arch/x86/kernel/tsc.c, KERNEL-FACTS.md §4): by
 * default (6.18) off for an invariant TSC with TSC_ADJUST on at most 4 packages, on otherwise (the
 * release's rule, KernelRules);
 * {@code watchdog: on|off} overrides that; {@code tsc: reliable} disables the watchdog and the
 * boot-time sync check whatever else the kernel spec says.
 */
class WatchdogDefaultTest {
    private static KernelReport boot(int sockets, boolean invariant, boolean tscAdjust, String watchdog,
                                     String tsc) {
        return boot(sockets, invariant, tscAdjust, watchdog, tsc, "6.18");
    }

    private static KernelReport boot(int sockets, boolean invariant, boolean tscAdjust, String watchdog,
                                     String tsc, String version) {
        Experiment experiment = TestSpecs.load("duration: 1s\n"
                + "machine:\n"
                + "  sockets: " + sockets + "\n"
                + "  coresPerSocket: 1\n"
                + "  tsc: {invariant: " + invariant + ", tscAdjust: " + tscAdjust + "}\n"
                + "kernel:\n"
                + "  version: \"" + version + "\"\n"
                + "  watchdog: " + watchdog + "\n"
                + "  tscSyncCheck: true\n");
        // a config may not combine tsc: reliable with watchdog: on or the sync check (validate refuses it);
        // the kernel's own rule, that tsc=reliable wins, is tested on specs built here
        return new KernelRig(experiment.withKernel(experiment.kernel().withTscReliable(tsc.equals("reliable"))))
                .kernel.report();
    }

    @ParameterizedTest(name = "{0} sockets, invariant {1}, TSC_ADJUST {2}, watchdog {3}, tsc {4} → {5}")
    @CsvSource({
        "1, true,  true,  auto, normal,   false",
        "2, true,  true,  auto, normal,   false",
        "4, true,  true,  auto, normal,   false",
        "5, true,  true,  auto, normal,   true",
        "8, true,  true,  auto, normal,   true",
        "2, false, true,  auto, normal,   true",
        "2, true,  false, auto, normal,   true",
        "1, false, false, auto, normal,   true",
        "2, true,  true,  on,   normal,   true",
        "8, true,  true,  off,  normal,   false",
        "2, false, false, off,  normal,   false",
        "8, false, false, auto, reliable, false",
        "2, true,  true,  on,   reliable, false",
    })
    void theWatchdogRunsByTheKernelsRule(int sockets, boolean invariant, boolean tscAdjust, String watchdog,
                                         String tsc, boolean expected) {
        KernelReport report = boot(sockets, invariant, tscAdjust, watchdog, tsc);
        assertThat(report.watchdogEnabled()).isEqualTo(expected);
        assertThat(report.syncCheckEnabled()).isEqualTo(!tsc.equals("reliable"));
        if (tsc.equals("reliable")) {
            assertThat(report.syncCheck()).isEmpty();
        }
    }

    /** The exemption by release: none before 5.16 (b50db7095fe0), at most 2 nodes to 6.5, at most 4 since 6.6. */
    @ParameterizedTest(name = "{0}, {1} sockets → watchdog {2}")
    @CsvSource({"5.10, 1, true", "5.15, 2, true", "5.16, 2, false", "5.16, 3, true", "6.1, 4, true",
        "6.6, 4, false", "6.18, 4, false", "6.18, 5, true"})
    void theExemptionOfAReliableTscIsTheReleases(String version, int sockets, boolean expected) {
        assertThat(boot(sockets, true, true, "auto", "normal", version).watchdogEnabled()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"on, 2", "auto, 0", "off, 0"})
    void anEnabledWatchdogChecksEveryHalfSecond(String watchdog, int checks) {
        KernelRig rig = new KernelRig("duration: 2s\nmachine:\n  sockets: 2\n  coresPerSocket: 1\n"
                + "kernel:\n  watchdog: " + watchdog + "\n");
        KernelReport report = rig.run(1_250_000_000_000L);
        assertThat(report.watchdog()).hasSize(checks);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::timePs)
                .allSatisfy(t -> assertThat(t % 500_000_000_000L).isZero());
    }
}
