package org.clocksim.kernel;

import java.util.List;

/**
 * Where threads start and how they move.
 *
 * @param placement the core of each thread; empty means round-robin over all cores
 */
public record SchedulerSpec(List<Integer> placement, MigrationSpec migration) {
    public SchedulerSpec {
        placement = List.copyOf(placement);
    }
}
