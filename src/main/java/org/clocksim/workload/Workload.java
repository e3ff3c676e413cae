package org.clocksim.workload;

import org.clocksim.engine.Activity;
import org.clocksim.kernel.MigrationListener;
import org.clocksim.kernel.ThreadCatchUp;

/** A simulated program: runs its threads' steps between events and hears of their migrations. */
public interface Workload extends Activity, MigrationListener {
    /**
     * How to bring one thread up to a time on its own, or null when the threads must all catch up
     * before every event (exact mode, threads that interact, observers that compare across threads).
     */
    default ThreadCatchUp threadCatchUp() {
        return null;
    }
}
