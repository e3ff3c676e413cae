package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * expect.json, beside summary.json when the config has an {@code expect:} section: how many of its
 * expectations held, and each with the run's value. The one writer and reader of that file.
 */
public final class ExpectFile {
    public static final String NAME = "expect.json";

    private ExpectFile() {
    }

    @JsonPropertyOrder({"passed", "failed", "expectations"})
    record Contents(int passed, int failed, List<ExpectationResult> expectations) {
    }

    /** Writes the file, or nothing when there are no expectations. */
    public static void write(List<ExpectationResult> results, Path dir) throws IOException {
        if (results.isEmpty()) {
            return;
        }
        int passed = (int) results.stream().filter(ExpectationResult::passed).count();
        ResultsJson.MAPPER.writeValue(dir.resolve(NAME).toFile(),
                new Contents(passed, results.size() - passed, List.copyOf(results)));
    }

    /** DIR/expect.json's expectations; none when the file is absent (a config without {@code expect:}). */
    public static List<ExpectationResult> read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        JsonNode list = ResultsJson.readTree(file).path("expectations");
        if (!list.isArray()) {
            throw new ResultsFormatException(file + ": not a list of expectations (no \"expectations\" array)");
        }
        List<ExpectationResult> results = new ArrayList<>();
        for (JsonNode e : list) {
            if (!e.path("expectation").isTextual() || !e.path("passed").isBoolean()) {
                throw new ResultsFormatException(file + ": each expectation needs \"expectation\" (text) and "
                        + "\"passed\" (true or false)");
            }
            results.add(new ExpectationResult(e.get("expectation").asText(), e.path("actual").asText(),
                    e.get("passed").asBoolean()));
        }
        return List.copyOf(results);
    }
}
