package org.clocksim.source;

import org.clocksim.engine.Distribution;

/** Per-source settings: how long one call takes. */
public record SourceSpec(Distribution latency) {
}
