package org.clocksim.report.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Copies of results directories for chart tests: the hand-made fixture (quickstart rows, a read
 * trace, kernel events issue 3 will add) and the committed results of the shipped experiments.
 */
final class ResultsFixture {
    static final Path FIXTURE = Path.of("src/test/resources/charts/fixture");

    private ResultsFixture() {
    }

    /** A copy of {@code source}'s data files (CSV, JSON, YAML) in {@code target}. */
    static Path copy(Path source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".yaml")) {
                        Files.copy(file, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Results read(Path dir) {
        try {
            return ResultsFiles.read(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Results fixture() {
        return read(FIXTURE);
    }

    static Results committed(String experiment) {
        return read(Path.of("results", experiment));
    }
}
