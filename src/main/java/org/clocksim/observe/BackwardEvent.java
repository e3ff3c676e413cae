package org.clocksim.observe;

import org.clocksim.source.SourceId;

/**
 * A reading smaller than the one it is compared with.
 *
 * @param timePs       true time of the later reading's counter sample
 * @param thread       the thread that read the smaller value
 * @param previousThread the thread of the earlier reading (itself, for {@link EventKind#THREAD})
 * @param coreBefore   core of the earlier reading
 * @param coreAfter    core of the later reading
 * @param magnitudeNs  how far back, in ns
 */
public record BackwardEvent(long timePs, int thread, int previousThread, SourceId source, EventKind kind,
                            int coreBefore, int coreAfter, double magnitudeNs, Cause cause) {
}
