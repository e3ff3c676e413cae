package org.clocksim.kernel;

/**
 * Whether the clocksource watchdog checks the TSC: the release's rule, or clocksim's override (not
 * the boot option {@code tsc=watchdog}, which made the TSC the watchdog of the HPET and PM timer).
 */
public enum WatchdogMode {
    /**
     * The release's rule ({@link KernelRules#watchdogExemption}, arch/x86/kernel/tsc.c): on before 5.16;
     * since then off for a TSC with constant_tsc, nonstop_tsc and TSC_ADJUST on at most 2 nodes (4 since 6.6).
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
