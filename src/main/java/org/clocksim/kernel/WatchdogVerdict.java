package org.clocksim.kernel;

/** One clocksource-watchdog check's outcome (kernel/time/clocksource.c). */
public enum WatchdogVerdict {
    /** Within the margin. */
    OK("ok"),
    /** The first check: nothing to compare with yet. */
    FIRST("first"),
    /** The watchdog read was too slow: no verdict. */
    SKIPPED("skipped"),
    /** Beyond the margin: the TSC is marked unstable. */
    UNSTABLE("unstable");

    private final String id;

    WatchdogVerdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
