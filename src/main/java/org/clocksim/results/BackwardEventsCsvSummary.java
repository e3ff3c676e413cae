package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What backward-events.csv holds: {@code rows} of {@code total} events, at most {@code capPerSource} per source. */
@JsonPropertyOrder({"capPerSource", "rows", "total"})
public record BackwardEventsCsvSummary(int capPerSource, long rows, long total) {
    public boolean capped() {
        return rows < total;
    }
}
