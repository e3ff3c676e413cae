package org.clocksim.observe;

/** Why a reading went backwards. */
public enum Cause {
    /** The kernel changed clocksource between the two readings. */
    CLOCKSOURCE_SWITCH("clocksource-switch"),
    /** A core's TSC or TSC_ADJUST was written between the two readings. */
    TSC_WRITE("tsc-write"),
    /** An NTP update without the continuity correction stepped the clock between the readings. */
    NTP_STEP("ntp-step"),
    /** The reading came from kvm-clock, whose pvclock structures disagree or were rewritten (a host sample). */
    KVM_CLOCK("kvm-clock"),
    /** The thread moved to another core since its previous reading. */
    MIGRATION("migration"),
    /** The reading came from another thread, handed over under a lock. */
    HANDOFF("handoff"),
    /** Same thread, same core: the source itself stepped back. */
    SAME_CORE("same-core");

    private final String id;

    Cause(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
