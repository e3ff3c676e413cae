package org.clocksim.workload;

import org.clocksim.engine.Activity;
import org.clocksim.kernel.MigrationListener;

/** A simulated program: runs its threads' steps between events and hears of their migrations. */
public interface Workload extends Activity, MigrationListener {
}
