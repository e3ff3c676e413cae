package org.clocksim.observe;

import org.clocksim.source.SourceId;

/**
 * Readings of {@code to} compared with the same thread's previous reading, taken from {@code from}.
 *
 * @param violations readings that predate the previous one (at the coarser resolution of the two)
 * @param maxNs      the largest such gap
 */
public record CrossSourceStats(SourceId from, SourceId to, long comparisons, long violations, double maxNs) {
}
