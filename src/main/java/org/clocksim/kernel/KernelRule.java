package org.clocksim.kernel;

/** The era-dependent rules clocksim models (each one selected by {@code kernel.version}, {@link KernelRules}). */
public enum KernelRule {
    WATCHDOG_MARGIN("watchdog margin", "kernel/time/clocksource.c"),
    WATCHDOG_READ_BACK("watchdog read-back", "kernel/time/clocksource.c"),
    WATCHDOG_EXEMPTION("watchdog exemption for a reliable TSC", "arch/x86/kernel/tsc.c"),
    VSYSCALL("vsyscall page", "arch/x86/entry/vsyscall/vsyscall_64.c"),
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
