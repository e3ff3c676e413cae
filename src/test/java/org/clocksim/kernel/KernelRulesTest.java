package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each era-dependent rule of KernelRules, release by release (kernel/time/clocksource.c, arch/x86/kernel/tsc.c). */
class KernelRulesTest {
    private static KernelVersion v(String text) {
        return KernelVersion.parse(text);
    }

    @Test
    void versionsAreOrderedAsReleasesAre() {
        assertThat(v("5.9")).isLessThan(v("5.10"));
        assertThat(v("5.10")).isLessThan(v("5.10.1"));
        assertThat(v("2.6.32")).isLessThan(v("3.0"));
        assertThat(v("6.18").toString()).isEqualTo("6.18");
        assertThat(v("5.10.0")).isEqualTo(v("5.10"));
        assertThat(v("5.15.17").release()).isEqualTo(v("5.15"));
        assertThat(v("2.6.32").release()).isEqualTo(v("2.6.32"));
        assertThatThrownBy(() -> v("6")).hasMessageContaining("such as 6.18");
        assertThatThrownBy(() -> v("6.x")).hasMessageContaining("got '6.x'");
    }

    /** 62.5 ms up to 5.13; since 5.14 4 × WATCHDOG_MAX_SKEW: 50 us, 100 us from 5.17, 125 us from 6.3. */
    @ParameterizedTest(name = "{0}: {1} us")
    @CsvSource({"2.6.32, 62500", "5.10, 62500", "5.13, 62500", "5.14, 200", "5.15, 200", "5.16, 200",
        "5.15.16, 200", "5.15.17, 400", "5.15.26, 400", "5.16.20, 200", "5.17, 400", "6.1, 400", "6.2, 400", "6.3, 500", "6.6, 500", "6.18, 500"})
    void theWatchdogMarginIsTheReleases(String version, long marginUs) {
        assertThat(KernelRules.watchdogMarginPs(v(version))).isEqualTo(marginUs * 1_000_000L);
    }

    @ParameterizedTest(name = "{0}: read-back {1}, max skew {2} us, skip {3}, pause {4} s")
    @CsvSource({"5.10, false, 0, false, 0", "5.13, false, 0, false, 0", "5.14, true, 50, false, 0",
        "5.15, true, 50, false, 0", "5.15.26, true, 100, true, 0", "5.17, true, 100, true, 0", "6.1, true, 100, true, 0",
        "6.3, true, 125, true, 300", "6.18, true, 125, true, 300"})
    void theReadBackIsTheReleases(String version, boolean enabled, long maxSkewUs, boolean skip, long pauseS) {
        WatchdogReadBack rule = KernelRules.watchdogReadBack(v(version));
        assertThat(rule.enabled()).isEqualTo(enabled);
        assertThat(rule.maxSkewPs()).isEqualTo(maxSkewUs * 1_000_000L);
        assertThat(rule.skipWhenBusy()).isEqualTo(skip);
        assertThat(rule.pauseAfterSkipPs()).isEqualTo(pauseS * 1_000_000_000_000L);
        assertThat(rule.retries()).isEqualTo(enabled ? 3 : 0);
    }

    @ParameterizedTest(name = "{0}, {1} sockets, invariant {2}, TSC_ADJUST {3}: exempt {4}")
    @CsvSource({
        "5.10, 1, true, true, false", "5.15, 2, true, true, false",
        "5.16, 1, true, true, true", "5.16, 2, true, true, true", "5.16, 3, true, true, false",
        "6.1, 4, true, true, false", "6.6, 4, true, true, true", "6.6, 5, true, true, false",
        "6.18, 4, true, true, true", "6.18, 8, true, true, false",
        "6.18, 1, false, true, false", "6.18, 1, true, false, false"})
    void theWatchdogExemptionIsTheReleases(String version, int sockets, boolean invariant, boolean tscAdjust,
                                           boolean exempt) {
        assertThat(KernelRules.watchdogExemption(v(version)).exempts(invariant, tscAdjust, sockets)).isEqualTo(exempt);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2.6.32, NATIVE", "3.0, NATIVE", "3.1, EMULATE", "5.2, EMULATE", "5.3, XONLY", "6.18, XONLY"})
    void theVsyscallDefaultIsTheReleases(String version, VsyscallMode mode) {
        assertThat(KernelRules.defaultVsyscall(v(version))).isEqualTo(mode);
        assertThat(KernelRules.vsyscallProblem(v(version), mode)).isEmpty();
    }

    @ParameterizedTest(name = "{1} on {0}: {2}")
    @CsvSource({"3.1, NATIVE, ended in 3.1", "4.17, NATIVE, since 4.17", "3.0, EMULATE, appeared in 3.1",
        "5.2, XONLY, appeared in 5.3"})
    void aVsyscallModeNoReleaseHadIsRefusedWithTheReason(String version, VsyscallMode mode, String reason) {
        assertThat(KernelRules.vsyscallProblem(v(version), mode)).hasValueSatisfying(p -> assertThat(p).contains(reason));
    }

    /**
     * tsc_sync.c: 20 ms, one run, every CPU until 3.8; then 2 ms for a CPU whose package has an online CPU
     * (loop_timeout()); from 4.10, with TSC_ADJUST, 3 runs and siblings set instead of tested.
     */
    @ParameterizedTest(name = "{0}, TSC_ADJUST {1}: uses it {2}, {3} runs, {4} ms / {5} ms")
    @CsvSource({"2.6.32, true, false, 1, 20, 20", "3.0, false, false, 1, 20, 20", "3.8, false, false, 1, 20, 2",
        "3.10, true, false, 1, 20, 2", "4.9, true, false, 1, 20, 2", "4.10, false, false, 1, 20, 2",
        "4.10, true, true, 3, 20, 2", "5.17, true, true, 3, 20, 2", "6.18, true, true, 3, 20, 2"})
    void theSyncCheckIsTheReleases(String version, boolean tscAdjust, boolean uses, int runs, long firstMs,
                                   long siblingMs) {
        SyncCheckRule rule = KernelRules.syncCheck(v(version), tscAdjust);
        assertThat(rule.usesTscAdjust()).isEqualTo(uses);
        assertThat(rule.maxRuns()).isEqualTo(runs);
        assertThat(rule.runPs(false)).isEqualTo(firstMs * 1_000_000_000L);
        assertThat(rule.runPs(true)).isEqualTo(siblingMs * 1_000_000_000L);
    }

    /** tsc_verify_tsc_adjust(): from idle since 4.10, and a 10-minute timer since 5.16; never without TSC_ADJUST. */
    @ParameterizedTest(name = "{0}, TSC_ADJUST {1}: idle {2}, timer {3} s")
    @CsvSource({"2.6.32, true, false, 0", "4.9, true, false, 0", "4.10, false, false, 0", "4.10, true, true, 0",
        "5.15, true, true, 0", "5.16, true, true, 600", "6.18, true, true, 600", "6.18, false, false, 0"})
    void theTscAdjustRecheckIsTheReleases(String version, boolean tscAdjust, boolean idle, long timerS) {
        TscAdjustRecheck rule = KernelRules.tscAdjustRecheck(v(version), tscAdjust);
        assertThat(rule.onIdle()).isEqualTo(idle);
        assertThat(rule.timerPs()).isEqualTo(timerS * 1_000_000_000_000L);
        assertThat(rule.any()).isEqualTo(idle);
    }

    @Test
    void everyChangeIsCitedAndTheReleasesAreTheChanges() {
        assertThat(KernelRules.CHANGES).allSatisfy(c -> {
            assertThat(c.commit()).isNotBlank();
            assertThat(c.rule().source()).matches("(kernel|arch)/.+\\.c");
        });
        assertThat(KernelRules.releases()).first().isEqualTo(KernelRules.OLDEST);
        assertThat(KernelRules.releases()).isSorted().doesNotHaveDuplicates().contains(v("5.14"), v("6.3"), v("4.10"));
    }

    /** Each commit a change cites is in docs/MODEL.md's rules-by-release table, on that rule's row. */
    @Test
    void everyCitedCommitIsInTheModelDocsRulesByRelease() throws IOException {
        String model = Files.readString(Path.of("docs", "MODEL.md"));
        Pattern hash = Pattern.compile("\\b[0-9a-f]{12}\\b");
        for (KernelChange change : KernelRules.CHANGES) {
            Matcher m = hash.matcher(change.commit());
            while (m.find()) {
                String cited = m.group();
                assertThat(model.lines().filter(line -> line.startsWith("| ") && line.contains(cited)))
                        .as(change.commit()).isNotEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}: at once {1}, short tick returns {2}, coarse_nsec {3}")
    @CsvSource({"2.6.32, false, false, false", "3.5, false, false, false", "3.6, false, true, false",
        "4.18, false, true, false", "4.19, true, true, false", "6.14, true, true, false", "6.15, true, true, true",
        "6.18, true, true, true"})
    void theTimekeepingRulesAreTheReleases(String version, boolean atOnce, boolean shortTickReturns, boolean coarseNsec) {
        assertThat(KernelRules.timekeeping(v(version)))
                .isEqualTo(new TimekeepingRules(atOnce, shortTickReturns, coarseNsec));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"2.6.32, true", "4.4.189, true", "4.4.190, false", "4.6, true", "4.7, false", "6.18, false"})
    void theHpetIsReadInUserModeUntilFourSeven(String version, boolean userMode) {
        assertThat(KernelRules.hpetReadInUserMode(v(version))).isEqualTo(userMode);
    }

    @ParameterizedTest(name = "{1} on {0}: vDSO {2}")
    @CsvSource({"2.6.32, REALTIME, true", "2.6.32, MONOTONIC_COARSE, true", "4.19, TAI, false", "4.20, TAI, true",
        "5.2, BOOTTIME, false", "5.3, BOOTTIME, true", "5.2, MONOTONIC_RAW, false", "5.3, MONOTONIC_RAW, true"})
    void theVdsoReadsTheClockIdsOfItsRelease(String version, ClockId clock, boolean vdso) {
        assertThat(KernelRules.vdsoReads(v(version), clock)).isEqualTo(vdso);
    }

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource({"2.6.38, BOOTTIME, 2.6.39", "3.9, TAI, 3.10"})
    void aClockIdBeforeItsReleaseIsRefusedWithTheReason(String version, ClockId clock, String release) {
        assertThat(KernelRules.clockProblem(v(version), clock))
                .hasValueSatisfying(p -> assertThat(p).contains("appeared in " + release));
        assertThat(KernelRules.clockProblem(v(release), clock)).isEmpty();
    }
}
