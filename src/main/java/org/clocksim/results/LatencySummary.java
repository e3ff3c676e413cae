package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;

/** A read latency distribution, in ns: mean, percentiles and maximum. */
@JsonPropertyOrder({"mean", "p50", "p90", "p99", "p999", "max"})
public record LatencySummary(BigDecimal mean, BigDecimal p50, BigDecimal p90, BigDecimal p99, BigDecimal p999,
                             BigDecimal max) {
}
