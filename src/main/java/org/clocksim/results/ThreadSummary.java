package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** One thread's reads of one source. */
@JsonPropertyOrder({"thread", "reads", "migrations", "backwardEvents", "maxBackwardNs"})
public record ThreadSummary(int thread, long reads, int migrations, long backwardEvents, BigDecimal maxBackwardNs) {
}
