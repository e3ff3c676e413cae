package org.clocksim.observe;

/** Why a reading went backwards. */
public enum Cause {
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
