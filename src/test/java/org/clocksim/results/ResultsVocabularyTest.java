package org.clocksim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The keys of summary.json and sweep.json are spelled in the results model only: no reader walks them by name. */
class ResultsVocabularyTest {
    /** Keys no config, CSV column or other file shares, so a literal of one elsewhere is a reader by string path. */
    private static final List<String> RESULTS_ONLY_KEYS = List.of("maxBackwardNs", "backwardPerMillion",
            "backwardByCause", "backwardEventsCsv", "finalClocksource", "latencyByClocksource", "windows64",
            "formatVersion", "numericValues", "confidenceLevel", "seqcountRetries", "migratedReads");
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path MODEL = MAIN.resolve("org/clocksim/results");

    @Test
    void noSourceOutsideTheModelSpellsAResultsKey() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.startsWith(MODEL)).toList()) {
                String text = Files.readString(file);
                RESULTS_ONLY_KEYS.stream().filter(key -> text.contains("\"" + key + "\""))
                        .forEach(key -> found.add(MAIN.relativize(file) + ": \"" + key + "\""));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theModelSpellsThem() throws IOException {
        String model;
        try (Stream<Path> files = Files.walk(MODEL)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
            model = all.toString();
        }
        assertThat(RESULTS_ONLY_KEYS).allSatisfy(key -> assertThat(model).contains(key));
    }
}
