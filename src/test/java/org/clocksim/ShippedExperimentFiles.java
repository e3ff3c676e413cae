package org.clocksim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The experiments the project ships: experiments/*.yaml and the real incidents in
 * experiments/incidents/*.yaml. Every test that walks the shipped experiments takes them from here,
 * so a new folder of experiments is covered everywhere at once.
 */
public final class ShippedExperimentFiles {
    public static final List<Path> FOLDERS = List.of(Path.of("experiments"), Path.of("experiments", "incidents"));

    private ShippedExperimentFiles() {
    }

    /** Every shipped experiment file, sorted by folder then name. */
    public static List<Path> all() {
        return FOLDERS.stream().flatMap(ShippedExperimentFiles::yamlIn).toList();
    }

    /** The real incidents (experiments/incidents). */
    public static List<Path> incidents() {
        return yamlIn(FOLDERS.get(1)).toList();
    }

    private static Stream<Path> yamlIn(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
