package org.clocksim.kernel;

import java.util.Objects;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * How the simulated kernel keeps time, as configured.
 *
 * @param hz                  tick rate (100, 250, 300 or 1000)
 * @param timekeepingCpu      the CPU whose tick advances time (tick_do_timer_cpu)
 * @param tickLatencyPs       from the tick timer's expiry to the timekeeping update reading the clocksource
 * @param clocksource         the clocksource at boot: tsc, hpet or acpi_pm
 * @param fallbackClocksource what the kernel switches to when the TSC is marked unstable
 * @param publishTimePs       how long an update of the vDSO data page takes (its seq is odd)
 * @param dataPageMissPs      extra time of a CPU's first vDSO read after an update (cache miss)
 * @param wallClockStartNs    REALTIME at boot, ns since the Unix epoch
 * @param vsyscall            the vsyscall page's mode
 * @param ntp                 the NTP frequency correction over time
 * @param ntpUpdate           whether mult changes keep time continuous
 * @param tscReliable         {@code tsc=reliable}: no sync check, no watchdog
 * @param tscSyncCheck        run the boot-time TSC warp test
 * @param syncCheckPs         its duration per CPU; 0 means the kernel's
 * @param syncCheckHandoff    the spinlock hand-off time between the two CPUs of the warp test
 * @param watchdog            whether the clocksource watchdog checks the TSC
 * @param watchdogIntervalPs  time between watchdog checks (0.5 s)
 * @param watchdogMarginPs    largest tolerated difference per check; 0 means the release's ({@link KernelRules#watchdogMarginPs})
 * @param version             the kernel release whose rules apply ({@link KernelRules})
 */
public record KernelSpec(int hz, int timekeepingCpu, long tickLatencyPs, ClocksourceId clocksource,
                         ClocksourceId fallbackClocksource,
                         long publishTimePs, long dataPageMissPs, long wallClockStartNs, VsyscallMode vsyscall,
                         NtpSpec ntp, NtpUpdate ntpUpdate, boolean tscReliable, boolean tscSyncCheck,
                         long syncCheckPs, Distribution syncCheckHandoff, WatchdogMode watchdog,
                         long watchdogIntervalPs, long watchdogMarginPs, KernelVersion version) {
    public KernelSpec {
        Require.positive(hz, "hz");
        Require.nonNegative(timekeepingCpu, "timekeepingCpu");
        Require.nonNegative(tickLatencyPs, "tickLatencyPs");
        Require.nonNegative(publishTimePs, "publishTimePs");
        Require.nonNegative(dataPageMissPs, "dataPageMissPs");
        Require.nonNegative(syncCheckPs, "syncCheckPs");
        Require.positive(watchdogIntervalPs, "watchdogIntervalPs");
        Require.nonNegative(watchdogMarginPs, "watchdogMarginPs");
        Objects.requireNonNull(version, "version");
    }

    /** The same kernel booted with {@code tsc=reliable} or without it. */
    public KernelSpec withTscReliable(boolean reliable) {
        return new KernelSpec(hz, timekeepingCpu, tickLatencyPs, clocksource, fallbackClocksource, publishTimePs,
                dataPageMissPs, wallClockStartNs, vsyscall, ntp, ntpUpdate, reliable, tscSyncCheck, syncCheckPs,
                syncCheckHandoff, watchdog, watchdogIntervalPs, watchdogMarginPs, version);
    }

    /** The same kernel booting on another clocksource. */
    public KernelSpec withClocksource(ClocksourceId newClocksource) {
        return new KernelSpec(hz, timekeepingCpu, tickLatencyPs, newClocksource, fallbackClocksource, publishTimePs,
                dataPageMissPs, wallClockStartNs, vsyscall, ntp, ntpUpdate, tscReliable, tscSyncCheck, syncCheckPs,
                syncCheckHandoff, watchdog, watchdogIntervalPs, watchdogMarginPs, version);
    }
}
