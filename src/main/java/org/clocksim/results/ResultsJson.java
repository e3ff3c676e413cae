package org.clocksim.results;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

/**
 * clocksim's one JSON mapper, for every JSON file it writes or reads (results, markers, sweep plans,
 * calibrations, the schema): indented, numbers in plain notation, unknown properties ignored, and
 * numbers read back exactly as written, in the canonical form the writers produce (trailing zeros
 * stripped, zero as {@code 0}), so a file read back equals the records it was written from.
 */
public final class ResultsJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(new SimpleModule("canonical-decimals").addDeserializer(BigDecimal.class,
                    new CanonicalDecimal()));

    private ResultsJson() {
    }

    /** The JSON tree of {@code file}; bad JSON is a {@link ResultsFormatException} naming it. */
    static JsonNode readTree(Path file) throws IOException {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    /**
     * {@code json} (the contents of {@code file}) as a {@code type}, after checking it has the
     * {@code required} top-level keys and is of format version {@code version}; {@code what} says
     * what the file should be ("a run's summary").
     */
    static <T> T bind(JsonNode json, String file, int version, Class<T> type, String what, List<String> required)
            throws ResultsFormatException {
        List<String> missing = required.stream().filter(key -> json == null || !json.has(key)).toList();
        if (json == null || !json.isObject() || !missing.isEmpty()) {
            throw new ResultsFormatException(file + ": not " + what + ": expected a JSON object with "
                    + String.join(", ", required) + (missing.isEmpty() ? "" : "; missing " + String.join(", ", missing)));
        }
        FormatVersion.check(json, file, version);
        try {
            return MAPPER.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new ResultsFormatException(file + ": not " + what + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResultsFormatException(file + ": not " + what + ": " + e.getMessage());
        }
    }

    /** A decimal as the writers write it: {@link BigDecimal#ZERO}, or trailing zeros stripped. */
    static BigDecimal canonical(BigDecimal value) {
        return value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
    }

    private static final class CanonicalDecimal extends StdScalarDeserializer<BigDecimal> {
        private static final long serialVersionUID = 1L;

        CanonicalDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.currentToken().isNumeric()) {
                return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
            }
            return canonical(parser.getDecimalValue());
        }
    }
}
