package org.clocksim.kernel;

/** Whether the clocksource watchdog checks the TSC ({@code tsc=watchdog} and its default). */
public enum WatchdogMode {
    /**
     * The kernel's rule since 2021 (arch/x86/kernel/tsc.c, KERNEL-FACTS.md §4): off for a TSC with
     * constant_tsc, nonstop_tsc and TSC_ADJUST on at most 4 packages, on otherwise.
     */
    AUTO("auto"),
    ON("on"),
    OFF("off");

    private final String id;

    WatchdogMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
