package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** A reading of one source followed by one of another: how often the second was earlier, by how much at most. */
@JsonPropertyOrder({"comparisons", "violations", "maxNs"})
public record CrossSourceSummary(long comparisons, long violations, BigDecimal maxNs) {
}
