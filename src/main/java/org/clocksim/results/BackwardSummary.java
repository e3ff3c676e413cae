package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** Backward events among pairs of readings: how many pairs were compared, how many went back, by how much at most. */
@JsonPropertyOrder({"comparisons", "backwardEvents", "backwardPerMillion", "maxBackwardNs"})
public record BackwardSummary(long comparisons, long backwardEvents, BigDecimal backwardPerMillion,
                              BigDecimal maxBackwardNs) {
}
