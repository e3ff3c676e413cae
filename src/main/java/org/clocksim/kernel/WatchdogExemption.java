package org.clocksim.kernel;

/**
 * When the watchdog leaves a reliable TSC alone (arch/x86/kernel/tsc.c check_system_tsc_reliable(), a
 * rule of {@link KernelRules}): constant_tsc, nonstop_tsc and TSC_ADJUST on at most so many NUMA nodes
 * or packages. clocksim's machine has one node per package (socket), so the three forms differ only in
 * their bound.
 */
public enum WatchdogExemption {
    /** Before b50db7095fe0: the watchdog always checks the TSC (unless tsc=reliable). */
    NONE(0),
    /** b50db7095fe0: at most 2 NUMA nodes. */
    UP_TO_TWO_NODES(2),
    /** 233756a640be: at most 4 NUMA nodes. */
    UP_TO_FOUR_NODES(4),
    /** b4bac279319d: at most 4 packages (topology_max_packages()). */
    UP_TO_FOUR_PACKAGES(4);

    private final int maxSockets;

    WatchdogExemption(int maxSockets) {
        this.maxSockets = maxSockets;
    }

    /** Whether a TSC of this kind on this many sockets is exempt from the watchdog. */
    public boolean exempts(boolean invariantTsc, boolean tscAdjust, int sockets) {
        return this != NONE && invariantTsc && tscAdjust && sockets <= maxSockets;
    }
}
