package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.clocksim.engine.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The TSC_ADJUST re-check (tsc_verify_tsc_adjust(), arch/x86/kernel/tsc_sync.c) by release: a run-time write to a
 * core's TSC moves its TSC_ADJUST too; an idle core notices within a second (4.10 on), a busy one only by the
 * 10-minute timer (5.16 on), and the kernel writes its value back.
 */
class TscAdjustCheckTest {
    private static final long WRITE_CYCLES = 12_000;

    /** One socket of 4 cores at 2.4 GHz; core {@code core} gets +5 us (12,000 cycles) at {@code atMs}. */
    private static KernelRig boot(String version, boolean tscAdjust, int core, long atMs) {
        return new KernelRig("duration: 1000s\nseed: 3\n"
                + "machine:\n  sockets: 1\n  coresPerSocket: 4\n"
                + "  tsc: {frequency: 2.4GHz, coreOffset: 0ns, tscAdjust: " + tscAdjust + "}\n"
                + "  events: [{at: " + atMs + "ms, core: " + core + ", tscWrite: 5us}]\n"
                + "kernel:\n  version: \"" + version + "\"\n  watchdog: off\n"
                + "workload: {threads: 1, thinkTime: 1s}\n");
    }

    private static long aheadCycles(KernelRig rig, int core, long timePs) {
        return rig.machine.readTsc(core, timePs) - rig.machine.readTsc(0, timePs);
    }

    @ParameterizedTest(name = "{0}, TSC_ADJUST {1}: restored {2}")
    @CsvSource({"6.18, true, true", "5.15, true, true", "4.10, true, true", "4.9, true, false", "6.18, false, false"})
    void anIdleCoreRestoresItsTscAdjustWithinASecond(String version, boolean tscAdjust, boolean restored) {
        KernelRig rig = boot(version, tscAdjust, 2, 300);
        rig.run(900 * KernelRig.MS);
        assertThat(aheadCycles(rig, 2, 900 * KernelRig.MS)).isEqualTo(WRITE_CYCLES);
        KernelReport report = rig.run(2 * KernelRig.S);
        if (restored) {
            // the idle check of the first second after boot ("TSC ADJUST differs: CPU2 0 --> 12000. Restoring")
            assertThat(report.tscAdjustRestores()).singleElement().isEqualTo(
                    new KernelReport.TscAdjustRestore(KernelRig.S, 2, 0, WRITE_CYCLES));
            assertThat(aheadCycles(rig, 2, 2 * KernelRig.S)).isZero();
        } else {
            assertThat(report.tscAdjustRestores()).isEmpty();
            assertThat(aheadCycles(rig, 2, 2 * KernelRig.S)).isEqualTo(WRITE_CYCLES);
        }
    }

    /** Core 0 runs the one thread and never idles: only the timer (5.16 on, CPU 0 first, at 600 s) restores it. */
    @ParameterizedTest(name = "{0}: restored by the timer {1}")
    @CsvSource({"6.18, true", "5.16, true", "5.15, false"})
    void aBusyCoreIsRestoredOnlyByTheTenMinuteTimer(String version, boolean restored) {
        KernelRig rig = boot(version, true, 0, 300);
        Scheduler scheduler = new Scheduler(rig.experiment.scheduler(), 1, rig.machine.cores(),
                new RandomStreams(rig.experiment.seed(), 0));
        rig.kernel.watchThreads(scheduler);
        long before = 599 * KernelRig.S;
        assertThat(rig.run(before).tscAdjustRestores()).isEmpty();
        assertThat(aheadCycles(rig, 1, before)).isEqualTo(-WRITE_CYCLES);
        KernelReport report = rig.run(601 * KernelRig.S);
        if (restored) {
            assertThat(report.tscAdjustRestores()).singleElement().isEqualTo(
                    new KernelReport.TscAdjustRestore(600 * KernelRig.S, 0, 0, WRITE_CYCLES));
            assertThat(aheadCycles(rig, 1, 601 * KernelRig.S)).isZero();
        } else {
            assertThat(report.tscAdjustRestores()).isEmpty();
        }
    }

    /** What the sync check wrote is what the kernel expects; a write after a compensation is undone back to it. */
    @Test
    void theRestoredValueIsTheSyncChecksCompensation() {
        KernelRig rig = new KernelRig("duration: 10s\nseed: 3\n"
                + "machine:\n  sockets: 2\n  coresPerSocket: 1\n"
                + "  tsc: {frequency: 2.4GHz, socketOffset: [0ns, -10us], coreOffset: 0ns}\n"
                + "  events: [{at: 300ms, core: 1, tscWrite: 5us}]\n"
                + "kernel:\n  tscSyncCheck: true\n  watchdog: off\n");
        KernelReport.SyncCheckResult sync = rig.kernel.report().syncCheck().get(0);
        assertThat(sync.verdict()).isEqualTo(SyncCheckVerdict.COMPENSATED);
        long residual = aheadCycles(rig, 1, 0);
        KernelReport report = rig.run(2 * KernelRig.S);
        assertThat(report.tscAdjustRestores()).singleElement().isEqualTo(new KernelReport.TscAdjustRestore(
                KernelRig.S, 1, sync.compensationCycles(), sync.compensationCycles() + WRITE_CYCLES));
        assertThat(aheadCycles(rig, 1, 2 * KernelRig.S)).isEqualTo(residual);
    }
}
