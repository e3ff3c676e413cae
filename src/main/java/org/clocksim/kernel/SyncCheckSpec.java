package org.clocksim.kernel;

import java.util.Objects;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4).
 *
 * @param enabled    run it
 * @param durationPs one run's length per CPU; 0 means the kernel's
 * @param handoff    the time from one CPU's counter read to the other's, across the spinlock hand-off
 * @param runSpread  the standard deviation of the log of a per-run factor that scales every hand-off of a run:
 *                   the run-to-run variation of the hand-off cost (0: runs differ only by chance)
 */
public record SyncCheckSpec(boolean enabled, long durationPs, Distribution handoff, double runSpread) {
    public SyncCheckSpec {
        Require.nonNegative(durationPs, "sync check durationPs");
        Objects.requireNonNull(handoff, "handoff");
        if (!(runSpread >= 0) || Double.isInfinite(runSpread)) {
            throw new IllegalArgumentException("sync check runSpread must be >= 0, got " + runSpread);
        }
    }
}
