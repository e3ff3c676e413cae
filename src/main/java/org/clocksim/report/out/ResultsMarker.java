package org.clocksim.report.out;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.clocksim.results.ResultsJson;

/**
 * The file that says a directory was written by clocksim, and as what: {@value #NAME}, a few
 * lines of JSON ({@code writtenBy}, {@code kind}, {@code format}). The same for every directory of
 * a kind, so it never makes two results differ; it is not one of the outputs users compare. Only a
 * directory carrying it may be replaced by {@code --out} or re-rendered by {@code plot}.
 */
public final class ResultsMarker {
    public static final String NAME = ".clocksim-results";
    /** The marker's own format; raise it only if its meaning changes. */
    static final int FORMAT = 1;
    private static final String WRITTEN_BY = "clocksim";
    private static final ObjectMapper JSON = ResultsJson.MAPPER;

    /** What wrote a results directory. */
    public enum Kind {
        RUN, SWEEP, SWEEP_POINT, MERGE, CALIBRATION, COMPARE;

        /** As written in the marker: {@code run}, {@code sweep}, {@code sweep-point}, {@code merge}, {@code calibration}, {@code compare}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Optional<Kind> parse(String id) {
            for (Kind kind : values()) {
                if (kind.id().equals(id)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    private ResultsMarker() {
    }

    /** The marker's text for {@code kind}: the same bytes every time. */
    static String text(Kind kind) {
        return "{\n  \"writtenBy\" : \"" + WRITTEN_BY + "\",\n  \"kind\" : \"" + kind.id() + "\",\n  \"format\" : "
                + FORMAT + "\n}\n";
    }

    public static void write(Path dir, Kind kind) throws IOException {
        Files.writeString(dir.resolve(NAME), text(kind), StandardCharsets.UTF_8);
    }

    /** What the marker of {@code dir} says wrote it; empty when there is no (readable, clocksim) marker. */
    public static Optional<Kind> read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !WRITTEN_BY.equals(node.path("writtenBy").asText())) {
                return Optional.empty();
            }
            return Kind.parse(node.path("kind").asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public static boolean present(Path dir) {
        return read(dir).isPresent();
    }
}
