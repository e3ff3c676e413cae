package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** inconsistency-check's blocks of 64 reads, and how many of them failed. */
@JsonPropertyOrder({"windows", "failing"})
public record WindowsSummary(long windows, long failing) {
}
