package org.clocksim.kernel;

import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.Require;

/**
 * How threads migrate.
 *
 * @param policy        when migrations happen
 * @param ratePerSecond mean migrations per second per thread ({@link MigrationPolicy#POISSON})
 * @param intervalPs    time between migrations ({@link MigrationPolicy#PERIODIC}, {@link MigrationPolicy#PING_PONG})
 * @param cores         the two cores of {@link MigrationPolicy#PING_PONG}; empty otherwise
 * @param gap           the time a migrating thread spends off-CPU
 */
public record MigrationSpec(MigrationPolicy policy, double ratePerSecond, long intervalPs,
                            List<Integer> cores, Distribution gap) {
    public MigrationSpec {
        Require.finite(ratePerSecond, "ratePerSecond");
        Require.nonNegative(intervalPs, "intervalPs");
        cores = List.copyOf(cores);
    }
}
