package org.clocksim.calibrate.facts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The system's files under a root: {@code /} on the host, a fixture copy in tests. Every path is
 * given as the absolute path on a real system ({@code /proc/cpuinfo}) and resolved under the root.
 * Read only; a file that is missing or unreadable is empty, never an error: calibrate reports what
 * it could read.
 */
public record SystemFiles(Path root) {
    public static final SystemFiles HOST = new SystemFiles(Path.of("/"));

    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** The file's text, trimmed of its trailing newline; empty when it cannot be read. */
    public Optional<String> read(String absolute) {
        try {
            return Optional.of(Files.readString(path(absolute), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
