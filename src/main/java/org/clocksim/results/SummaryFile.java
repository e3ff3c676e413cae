package org.clocksim.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one writer and reader of summary.json: {@link Summary} records to bytes and back, format version checked. */
public final class SummaryFile {
    public static final String NAME = "summary.json";
    /** The layout this clocksim writes and reads. */
    public static final int FORMAT_VERSION = 1;
    private static final String WHAT = "a run's summary";
    /** The top-level keys every run's summary.json has (DESIGN.md, output contract). */
    private static final List<String> REQUIRED = List.of("experiment", "seed", "durationNs", "sources", "kernel");

    private SummaryFile() {
    }

    public static void write(Summary summary, Path dir) throws IOException {
        ResultsJson.MAPPER.writeValue(dir.resolve(NAME).toFile(), summary);
    }

    /** The summary as a JSON tree (what the file holds). */
    public static JsonNode toJson(Summary summary) {
        return ResultsJson.MAPPER.valueToTree(summary);
    }

    /** DIR/summary.json; a missing file, bad JSON or another format version is a {@link ResultsFormatException}. */
    public static Summary read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new ResultsFormatException(dir + " holds no run's results (no " + NAME + ")");
        }
        return parse(ResultsJson.readTree(file), file.toString());
    }

    /** A summary from its JSON tree; {@code file} names it in errors. */
    public static Summary parse(JsonNode json, String file) throws ResultsFormatException {
        Summary summary = ResultsJson.bind(json, file, FORMAT_VERSION, Summary.class, WHAT, REQUIRED);
        if (summary.experiment() == null || summary.durationNs() == null || summary.kernel() == null
                || !json.get("sources").isObject()) {
            throw new ResultsFormatException(file + ": not " + WHAT + ": experiment, durationNs and kernel must "
                    + "have values, sources must be an object");
        }
        return summary;
    }
}
