package org.clocksim.kernel;

import java.util.Objects;
import org.clocksim.engine.Require;

/**
 * The clocksource watchdog (kernel/time/clocksource.c, KERNEL-FACTS.md §4).
 *
 * @param mode       whether it checks the TSC (auto: the kernel's rule)
 * @param intervalPs time between checks (0.5 s)
 * @param marginPs   largest tolerated difference per check; 0 means the release's
 */
public record WatchdogSpec(WatchdogMode mode, long intervalPs, long marginPs) {
    public WatchdogSpec {
        Objects.requireNonNull(mode, "mode");
        Require.positive(intervalPs, "watchdog intervalPs");
        Require.nonNegative(marginPs, "watchdog marginPs");
    }
}
