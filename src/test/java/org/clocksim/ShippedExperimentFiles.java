package org.clocksim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiments the project ships: experiments/*.yaml, the real incidents clocksim reproduces in
 * experiments/incidents/*.yaml, and those it does not in experiments/incidents/not-reproduced/*.yaml
 * (each with what the real kernel did as its expectation, and why clocksim differs). Every test that
 * walks the shipped experiments takes them from here, so a new folder of experiments is covered
 * everywhere at once.
 */
public final class ShippedExperimentFiles {
    private static final Path INCIDENTS = Path.of("experiments", "incidents");
    private static final Path NOT_REPRODUCED = INCIDENTS.resolve("not-reproduced");
    public static final List<Path> FOLDERS = List.of(Path.of("experiments"), INCIDENTS, NOT_REPRODUCED);

    private ShippedExperimentFiles() {
    }

    /** Every shipped experiment file, sorted by folder then name. */
    public static List<Path> all() {
        return FOLDERS.stream().flatMap(ShippedExperimentFiles::yamlIn).toList();
    }

    /** The shipped experiments whose expectations clocksim meets: all but the incidents it does not reproduce. */
    public static List<Path> meetingTheirExpectations() {
        List<Path> notReproduced = notReproduced();
        return all().stream().filter(f -> !notReproduced.contains(f)).toList();
    }

    /** The real incidents, reproduced or not. */
    public static List<Path> incidents() {
        return Stream.concat(yamlIn(INCIDENTS), yamlIn(NOT_REPRODUCED)).toList();
    }

    /** The real incidents clocksim does not reproduce (experiments/incidents/not-reproduced). */
    public static List<Path> notReproduced() {
        return yamlIn(NOT_REPRODUCED).toList();
    }

    private static Stream<Path> yamlIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
