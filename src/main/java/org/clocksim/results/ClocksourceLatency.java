package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The latency of a source's reads while the kernel was on one clocksource. */
@JsonPropertyOrder({"clocksource", "reads", "latencyNs"})
public record ClocksourceLatency(String clocksource, long reads, LatencySummary latencyNs) {
}
