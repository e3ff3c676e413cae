package org.clocksim.report.out;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Predicate;

/** Deleting and copying directory trees, never following a symbolic link (a link is copied or deleted as a link). */
public final class Trees {
    private Trees() {
    }

    /** Deletes {@code root} and everything below it; nothing when it does not exist. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes a work directory while already failing with {@code failure}: whatever goes wrong
     * here is added to it (suppressed), never thrown instead of it. Catches everything, out of
     * memory included: the directory is clocksim's litter either way.
     */
    public static void deleteAfter(Path root, Throwable failure) {
        try {
            delete(root);
        } catch (Throwable e) {
            failure.addSuppressed(e);
        }
    }

    /** Deletes a tree that is no longer needed; a failure leaves it to {@link Leftovers} later. */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (IOException | RuntimeException e) {
            // left behind under a name Leftovers recognises, removed by the next writer
        }
    }

    /**
     * Copies the tree {@code from} into {@code to} (which may exist; files already there are kept),
     * with the files' attributes, skipping every entry whose path relative to {@code from}
     * {@code skip} accepts (a skipped directory is skipped whole).
     */
    public static void copy(Path from, Path to, Predicate<Path> skip) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(dir);
                if (!relative.toString().isEmpty() && skip.test(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(relative.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = from.relativize(file);
                Path copy = to.resolve(relative.toString());
                if (!skip.test(relative) && !Files.exists(copy, LinkOption.NOFOLLOW_LINKS)) {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
