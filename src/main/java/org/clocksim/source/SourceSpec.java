package org.clocksim.source;

import org.clocksim.engine.Distribution;
import org.clocksim.kernel.ClockId;

/**
 * Per-source settings.
 *
 * @param latency how long one call takes
 * @param clock   the clock id of a {@link SourceId#clockSelectable() clock-selectable} source
 *                (for the coarse source, the time line: MONOTONIC or REALTIME); MONOTONIC for others
 */
public record SourceSpec(Distribution latency, ClockId clock) {
}
