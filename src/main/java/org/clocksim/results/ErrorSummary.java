package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** Readings against true time, in ns: the mean error and the largest absolute one. */
@JsonPropertyOrder({"mean", "maxAbs"})
public record ErrorSummary(BigDecimal mean, BigDecimal maxAbs) {
}
