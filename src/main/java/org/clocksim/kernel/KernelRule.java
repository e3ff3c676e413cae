package org.clocksim.kernel;

/** The era-dependent rules clocksim models (each one selected by {@code kernel.version}, {@link KernelRules}). */
public enum KernelRule {
    WATCHDOG_MARGIN("watchdog margin", "kernel/time/clocksource.c"),
    WATCHDOG_READ_BACK("watchdog read-back", "kernel/time/clocksource.c"),
    WATCHDOG_EXEMPTION("watchdog exemption for a reliable TSC", "arch/x86/kernel/tsc.c"),
    VSYSCALL("vsyscall page", "arch/x86/entry/vsyscall/vsyscall_64.c"),
    NTP_FREQUENCY("NTP frequency change (adjtimex)", "kernel/time/timekeeping.c"),
    SHORT_TICK("tick shorter than one interval", "kernel/time/timekeeping.c"),
    COARSE_CLOCKS("coarse clocks' nanoseconds", "kernel/time/timekeeping.c, kernel/time/vsyscall.c"),
    HPET_USER_READ("HPET read in user mode", "arch/x86/kernel/hpet.c, arch/x86/entry/vdso/vclock_gettime.c"),
    CLOCK_IDS("clock ids", "kernel/time/posix-timers.c"),
    VDSO_CLOCKS("clock ids the vDSO reads", "arch/x86/entry/vdso/vclock_gettime.c, lib/vdso/gettimeofday.c"),
    SYNC_CHECK("boot TSC sync check", "arch/x86/kernel/tsc_sync.c"),
    TSC_ADJUST_RECHECK("TSC_ADJUST re-check", "arch/x86/kernel/tsc_sync.c"),
    KVM_CLOCK_RATING("kvm-clock rating", "arch/x86/kernel/kvmclock.c");

    private final String title;
    private final String source;

    KernelRule(String title, String source) {
        this.title = title;
        this.source = source;
    }

    public String title() {
        return title;
    }

    /** The file of the Linux tree the rule lives in. */
    public String source() {
        return source;
    }
}
