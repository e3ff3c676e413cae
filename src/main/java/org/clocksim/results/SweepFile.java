package org.clocksim.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The one writer and reader of sweep.json: {@link SweepSummary} records to bytes and back, format version checked. */
public final class SweepFile {
    public static final String NAME = "sweep.json";
    /** The layout this clocksim writes and reads. */
    public static final int FORMAT_VERSION = 1;

    private SweepFile() {
    }

    public static void write(SweepSummary sweep, Path dir) throws IOException {
        ResultsJson.MAPPER.writeValue(dir.resolve(NAME).toFile(), sweep);
    }

    /** DIR/sweep.json; a missing file, bad JSON or another format version is a {@link ResultsFormatException}. */
    public static SweepSummary read(Path dir) throws IOException {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new ResultsFormatException("not a sweep results directory (no " + NAME + "): " + dir);
        }
        return ResultsJson.bind(ResultsJson.readTree(file), file.toString(), FORMAT_VERSION, SweepSummary.class,
                "a sweep's results", List.of("experiment", "parameters", "points"));
    }
}
