package org.clocksim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Replaces a results directory atomically: everything is written into a hidden temporary sibling,
 * which is moved into place only when complete. A failed or interrupted write leaves the previous
 * directory (or none) in place, never a half-written one.
 */
public final class ResultsDirectory {
    private ResultsDirectory() {
    }

    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    public static void replace(Path target, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        Path temporary = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            contents.writeInto(temporary);
        } catch (IOException | RuntimeException e) {
            deleteRecursively(temporary);
            throw e;
        }
        moveIntoPlace(temporary, absolute);
    }

    /**
     * Moves a completely written directory to {@code target}, replacing what was there: the old
     * directory is moved aside first and deleted last, so {@code target} is never half-written.
     */
    public static void moveIntoPlace(Path prepared, Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        if (Files.exists(absolute)) {
            Path old = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".old-");
            Files.delete(old);
            Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
            Files.move(prepared, absolute, StandardCopyOption.ATOMIC_MOVE);
            deleteRecursively(old);
        } else {
            Files.move(prepared, absolute, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Copies a directory tree (files and sub-directories) into {@code to}, which may exist. */
    public static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.sorted().toList()) {
                Path copy = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else if (!Files.exists(copy)) {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /**
     * Rewrites an existing results directory atomically: its files, except those {@code keep} rejects,
     * are copied into the temporary directory, {@code contents} adds to them, and the copy replaces
     * the original.
     */
    public static void update(Path target, Predicate<String> keep, Contents contents) throws IOException {
        if (!Files.isDirectory(target)) {
            throw new IOException("no such directory: " + target);
        }
        replace(target, tmp -> {
            try (Stream<Path> files = Files.list(target)) {
                for (Path file : files.sorted().toList()) {
                    if (Files.isRegularFile(file) && keep.test(file.getFileName().toString())) {
                        Files.copy(file, tmp.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            contents.writeInto(tmp);
        });
    }

    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
