package org.clocksim.kernel;

import java.util.Objects;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4).
 *
 * @param enabled    run it
 * @param durationPs one run's length per CPU; 0 means the kernel's
 * @param handoff    the spinlock hand-off time between the two CPUs
 */
public record SyncCheckSpec(boolean enabled, long durationPs, Distribution handoff) {
    public SyncCheckSpec {
        Require.nonNegative(durationPs, "sync check durationPs");
        Objects.requireNonNull(handoff, "handoff");
    }
}
