package org.clocksim.kernel;

/** The boot-time warp test's verdict on one CPU (arch/x86/kernel/tsc_sync.c). */
public enum SyncCheckVerdict {
    /** No warp in the first run. */
    OK("ok"),
    /** A warp, compensated through TSC_ADJUST; a later run saw none. */
    COMPENSATED("compensated"),
    /** Still a warp after the last run: the TSC is marked unstable. */
    UNSTABLE("unstable"),
    /**
     * Not tested: with TSC_ADJUST, a CPU whose package already has an online CPU gets that CPU's TSC_ADJUST
     * ("TSC ADJUST synchronize", 4.10 on).
     */
    SYNCHRONIZED("synchronized"),
    /** Not tested: an earlier CPU's test had already marked the TSC unstable. */
    SKIPPED("skipped");

    private final String id;

    SyncCheckVerdict(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
