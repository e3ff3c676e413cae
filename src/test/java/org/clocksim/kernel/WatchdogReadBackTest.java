package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.kernel.KernelRig.S;
import static org.clocksim.kernel.KernelRig.US;

import java.util.Arrays;
import java.util.PrimitiveIterator;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * cs_watchdog_read() (kernel/time/clocksource.c, since 5.14): read wd, TSC, wd; a long window is
 * retried; since 5.17 a slow back-to-back watchdog read skips the check; after the retries the TSC
 * is unstable. Scripted read latencies (in us) make each path certain.
 */
class WatchdogReadBackTest {
    private static LongSupplier latenciesUs(long... us) {
        PrimitiveIterator.OfLong it = Arrays.stream(us).iterator();
        return () -> it.nextLong() * US;
    }

    private static WatchdogReadBack on(String version) {
        return KernelRules.watchdogReadBack(KernelVersion.parse(version));
    }

    @Test
    void aShortWindowSucceedsAtOnce() {
        WatchdogReadBack.Result result = on("6.18").read(latenciesUs(2, 2, 2));
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.SUCCESS);
        assertThat(result.attempts()).isEqualTo(1);
    }

    @Test
    void aLongWindowWithAFastBackToBackReadIsRetriedThenSucceeds() {
        // attempt 1: window 200 us > 125, back-to-back 2 us: retry; attempt 2: window 2 us
        WatchdogReadBack.Result result = on("6.18").read(latenciesUs(2, 200, 2, 2, 2, 2));
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.SUCCESS);
        assertThat(result.attempts()).isEqualTo(2);
    }

    @Test
    void aLongWindowWithASlowBackToBackReadSkipsTheCheck() {
        // back-to-back 70 us > 125 / 2: the system is just busy
        WatchdogReadBack.Result result = on("6.18").read(latenciesUs(2, 200, 70));
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.SKIP);
        assertThat(result.windowPs()).isEqualTo(200 * US);
    }

    @Test
    void longWindowsThroughEveryRetryMarkTheTscUnstable() {
        WatchdogReadBack.Result result = on("6.18").read(latenciesUs(2, 200, 2, 2, 300, 2, 2, 200, 2, 2, 250, 2));
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.UNSTABLE);
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.windowPs()).isEqualTo(250 * US);
    }

    @Test
    void before517ASlowBackToBackReadDoesNotSkip() {
        // 5.14 reads wd, TSC, wd only (two reads an attempt) and knows no skip: four long windows, unstable
        WatchdogReadBack.Result result = on("5.14").read(latenciesUs(2, 60, 2, 60, 2, 60, 2, 60));
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.UNSTABLE);
        assertThat(result.windowPs()).isEqualTo(60 * US);
    }

    @Test
    void before514ThereIsNoReadBack() {
        WatchdogReadBack.Result result = on("5.13").read(() -> {
            throw new AssertionError("no watchdog read is judged before 5.14");
        });
        assertThat(result.outcome()).isEqualTo(WatchdogReadBack.Outcome.SUCCESS);
    }

    private static String slowWatchdog(String version) {
        // every HPET read takes 1 ms (a hypervisor trapping it: oxidecomputer/propolis issue 328's experiment)
        return "duration: 10s\n"
                + "machine:\n"
                + "  sockets: 2\n"
                + "  coresPerSocket: 1\n"
                + "  hpet: {readLatency: 1ms}\n"
                + "kernel:\n"
                + "  version: \"" + version + "\"\n"
                + "  watchdog: on\n";
    }

    @Test
    void onA514KernelASlowWatchdogMarksTheTscUnstableAtTheFirstCheck() {
        KernelRig rig = new KernelRig(slowWatchdog("5.14"));
        KernelReport report = rig.run(10 * S);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::verdict).containsExactly(WatchdogVerdict.UNSTABLE);
        assertThat(report.switches()).singleElement().satisfies(s -> assertThat(s.reason())
                .isEqualTo("timekeeping watchdog on CPU0: hpet read-back delay of 1000000ns, attempt 4, marking unstable"));
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.HPET);
    }

    @Test
    void onA61KernelEveryCheckIsSkippedAndTheTscStays() {
        KernelReport report = new KernelRig(slowWatchdog("6.1")).run(10 * S);
        assertThat(report.watchdog()).hasSize(19).extracting(KernelReport.WatchdogCheck::verdict)
                .containsOnly(WatchdogVerdict.SKIPPED);
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.TSC);
    }

    @Test
    void onA618KernelASkipPausesTheWatchdog() {
        KernelReport report = new KernelRig(slowWatchdog("6.18")).run(10 * S);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::verdict).containsExactly(WatchdogVerdict.SKIPPED);
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.TSC);
    }

    private static String lateFirstReadOfThree(String version) {
        // oxidecomputer/propolis issue 328's DTrace script: reads 1, 4, 7, ... of the PM timer return 1 ms late
        return "duration: 3s\n"
                + "machine:\n"
                + "  sockets: 1\n"
                + "  coresPerSocket: 2\n"
                + "  tsc: {tscAdjust: false}\n"
                + "  acpiPm: {returnDelay: {delay: 1ms, every: 3, first: 1}}\n"
                + "kernel:\n"
                + "  version: \"" + version + "\"\n"
                + "  fallbackClocksource: acpi_pm\n";
    }

    /** Since 5.17 an attempt reads the timer three times: the late read is always an attempt's first. */
    @ParameterizedTest
    @ValueSource(strings = {"5.17", "6.1", "6.18"})
    void aLateReturnOfEveryAttemptsFirstReadMarksTheTscUnstable(String version) {
        KernelReport report = new KernelRig(lateFirstReadOfThree(version)).run(3 * S);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::verdict).containsExactly(WatchdogVerdict.UNSTABLE);
        assertThat(report.switches()).singleElement().satisfies(s -> assertThat(s.reason())
                .startsWith("timekeeping watchdog on CPU0: acpi_pm read-back delay of 10").endsWith("marking unstable"));
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.ACPI_PM);
    }

    /** 5.14-5.16 read the timer twice per attempt: the pattern hits alternate attempts, and a retry succeeds. */
    @Test
    void onA514KernelTheSameLateReadsAreRetriedAway() {
        KernelReport report = new KernelRig(lateFirstReadOfThree("5.14")).run(3 * S);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::verdict)
                .containsOnly(WatchdogVerdict.FIRST, WatchdogVerdict.OK).hasSize(5);
        assertThat(report.finalClocksource()).isEqualTo(ClocksourceId.TSC);
    }

    @Test
    void withoutTheDelayTheSameGuestKeepsItsTsc() {
        KernelReport report = new KernelRig(lateFirstReadOfThree("6.18").replace("delay: 1ms", "delay: 0")).run(3 * S);
        assertThat(report.watchdog()).extracting(KernelReport.WatchdogCheck::verdict)
                .containsOnly(WatchdogVerdict.FIRST, WatchdogVerdict.OK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.10", "2.6.32"})
    void beforeTheReadBackASlowWatchdogIsCompared(String version) {
        KernelReport report = new KernelRig(slowWatchdog(version)).run(10 * S);
        assertThat(report.watchdog()).hasSize(19).extracting(KernelReport.WatchdogCheck::verdict)
                .containsOnly(WatchdogVerdict.FIRST, WatchdogVerdict.OK);
    }
}
