package org.clocksim.kernel;

import java.util.Objects;

/**
 * The clocksources the kernel boots on and falls back to.
 *
 * @param boot     the clocksource at boot
 * @param fallback what the kernel switches to when the TSC is marked unstable (and the TSC's watchdog)
 */
public record ClocksourceSpec(ClocksourceId boot, ClocksourceId fallback) {
    public ClocksourceSpec {
        Objects.requireNonNull(boot, "boot");
        Objects.requireNonNull(fallback, "fallback");
    }
}
