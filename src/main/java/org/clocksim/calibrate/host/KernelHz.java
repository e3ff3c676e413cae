package org.clocksim.calibrate.host;

import java.util.List;
import java.util.OptionalInt;

/**
 * CONFIG_HZ from the coarse clocks' resolution: clock_getres(CLOCK_MONOTONIC_COARSE) is one tick,
 * 1 s / HZ (KERNEL-FACTS.md §2). Only the values clocksim models are recognised, within 5 %.
 */
public final class KernelHz {
    public static final List<Integer> MODELLED = List.of(100, 250, 300, 1000);

    private KernelHz() {
    }

    public static OptionalInt fromCoarseResolution(long resolutionNs) {
        if (resolutionNs <= 0) {
            return OptionalInt.empty();
        }
        double hz = 1e9 / resolutionNs;
        for (int candidate : MODELLED) {
            if (Math.abs(hz - candidate) <= 0.05 * candidate) {
                return OptionalInt.of(candidate);
            }
        }
        return OptionalInt.empty();
    }
}
