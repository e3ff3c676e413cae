package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A check program's name and verdict ({@code pass} or {@code fail}), then the figures it decided on, inline. */
@JsonPropertyOrder({"name", "verdict"})
public record ProgramSummary(String name, String verdict, @JsonAnyGetter Map<String, BigDecimal> figures) {
    private static final String NAME = "name";
    private static final String VERDICT = "verdict";

    public ProgramSummary {
        figures = Summary.ordered(figures);
    }

    /** From the file's object: name, verdict, and every other field a figure, in the order written. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ProgramSummary fromJson(ObjectNode json) {
        Map<String, BigDecimal> figures = new LinkedHashMap<>();
        json.fields().forEachRemaining(field -> {
            if (!field.getKey().equals(NAME) && !field.getKey().equals(VERDICT) && field.getValue().isNumber()) {
                figures.put(field.getKey(), ResultsJson.canonical(field.getValue().decimalValue()));
            }
        });
        return new ProgramSummary(text(json.get(NAME)), text(json.get(VERDICT)), figures);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
