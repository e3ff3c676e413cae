package org.clocksim.kernel;

import java.util.Objects;

/**
 * How the simulated kernel keeps time, as configured, in named parts.
 *
 * @param version          the kernel release whose rules apply ({@link KernelRules})
 * @param tick             the tick that advances time
 * @param clocksources     the clocksource at boot and the fallback
 * @param vdsoPage         the vDSO data page's costs
 * @param wallClockStartNs REALTIME at boot, ns since the Unix epoch
 * @param taiOffsetNs      CLOCK_TAI − CLOCK_REALTIME (the kernel's tai_offset, set by adjtimex ADJ_TAI)
 * @param vsyscall         the vsyscall page's mode
 * @param ntp              the NTP frequency correction over time
 * @param ntpUpdate        whether mult changes keep time continuous
 * @param tscReliable      {@code tsc=reliable}: no sync check, no watchdog
 * @param syncCheck        the boot-time TSC warp test
 * @param watchdog         the clocksource watchdog ({@link WatchdogSpec#marginPs} 0: {@link KernelRules#watchdogMarginPs})
 */
public record KernelSpec(KernelVersion version, TickSpec tick, ClocksourceSpec clocksources, VdsoPageSpec vdsoPage,
                         long wallClockStartNs, long taiOffsetNs, VsyscallMode vsyscall, NtpSpec ntp, NtpUpdate ntpUpdate,
                         boolean tscReliable, SyncCheckSpec syncCheck, WatchdogSpec watchdog) {
    public KernelSpec {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(tick, "tick");
        Objects.requireNonNull(clocksources, "clocksources");
        Objects.requireNonNull(vdsoPage, "vdsoPage");
        Objects.requireNonNull(vsyscall, "vsyscall");
        Objects.requireNonNull(ntp, "ntp");
        Objects.requireNonNull(ntpUpdate, "ntpUpdate");
        Objects.requireNonNull(syncCheck, "syncCheck");
        Objects.requireNonNull(watchdog, "watchdog");
    }

    /** The same kernel booted with {@code tsc=reliable} or without it. */
    public KernelSpec withTscReliable(boolean reliable) {
        return new KernelSpec(version, tick, clocksources, vdsoPage, wallClockStartNs, taiOffsetNs, vsyscall, ntp, ntpUpdate,
                reliable, syncCheck, watchdog);
    }

    /** The same kernel booting on another clocksource. */
    public KernelSpec withClocksources(ClocksourceSpec newClocksources) {
        return new KernelSpec(version, tick, newClocksources, vdsoPage, wallClockStartNs, taiOffsetNs, vsyscall, ntp, ntpUpdate,
                tscReliable, syncCheck, watchdog);
    }

    /** The same kernel with another tick. */
    public KernelSpec withTick(TickSpec newTick) {
        return new KernelSpec(version, newTick, clocksources, vdsoPage, wallClockStartNs, taiOffsetNs, vsyscall, ntp, ntpUpdate,
                tscReliable, syncCheck, watchdog);
    }
}
