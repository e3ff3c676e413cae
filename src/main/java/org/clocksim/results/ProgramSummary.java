package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.Map;

/** A check program's name and verdict ({@code pass} or {@code fail}), then the figures it decided on, inline. */
@JsonPropertyOrder({"name", "verdict"})
public record ProgramSummary(String name, String verdict,
                             @JsonAnyGetter @JsonAnySetter Map<String, BigDecimal> figures) {
    public ProgramSummary {
        figures = Summary.ordered(figures);
    }
}
