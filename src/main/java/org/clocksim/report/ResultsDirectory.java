package org.clocksim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Predicate;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.report.out.ResultsTarget;
import org.clocksim.report.out.Siblings;
import org.clocksim.report.out.Trees;

/**
 * Replaces a results directory atomically: everything is written into a hidden sibling
 * {@code .NAME.tmp-PID-N} (created with the umask's permissions), marked with the {@link
 * ResultsMarker}, and moved into place only when complete. A failed or interrupted write leaves
 * the previous directory (or none) in place, never a half-written one; the moment of the swap is
 * covered by {@link org.clocksim.report.out.Leftovers}. The target must pass the {@link
 * ResultsTarget} rules, checked again just before the swap. Commands hold the target's
 * {@link org.clocksim.report.out.OutputClaim} around this.
 */
public final class ResultsDirectory {
    private ResultsDirectory() {
    }

    @FunctionalInterface
    public interface Contents {
        void writeInto(Path dir) throws IOException;
    }

    public static void replace(Path target, ResultsMarker.Kind kind, Contents contents) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Files.createDirectories(absolute.getParent());
        Path temporary = Siblings.createDirectory(absolute, Siblings.Role.TMP);
        try {
            contents.writeInto(temporary);
            ResultsMarker.write(temporary, kind);
            moveIntoPlace(temporary, target);
        } catch (Throwable e) {
            Trees.deleteAfter(temporary, e);
            throw e;
        }
    }

    /**
     * Moves a completely written directory to {@code target}, replacing what was there (which the
     * {@link ResultsTarget} rules must allow): the old directory is moved aside to
     * {@code .NAME.old-PID-N} first and deleted last, so {@code target} is never half-written; if
     * the process dies between the two moves, the next writer moves the old one back.
     */
    public static void moveIntoPlace(Path prepared, Path target) throws IOException {
        ResultsTarget checked = ResultsTarget.of(target);
        checked.checkReplaceable();
        Path absolute = checked.path();
        Files.createDirectories(absolute.getParent());
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(prepared, absolute, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Siblings.reserve(absolute, Siblings.Role.OLD);
        Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(prepared, absolute, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable e) {
            Files.move(old, absolute, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        retire(old, absolute);
    }

    /** Deletes the old results: first renamed to a {@code .tmp-} name, so they are never restored half-deleted. */
    private static void retire(Path old, Path target) {
        Path doomed = Siblings.reserve(target, Siblings.Role.TMP);
        try {
            Files.move(old, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            return; // still complete under its .old- name: the next writer removes it (the target exists)
        }
        Trees.deleteQuietly(doomed);
    }

    /**
     * Rewrites an existing results directory atomically: everything in it (sub-directories
     * included) except the top-level files {@code rendered} accepts is copied into the temporary
     * directory, {@code contents} adds to them, and the copy replaces the original. The marker's
     * kind is kept.
     */
    public static void update(Path target, Predicate<String> rendered, Contents contents) throws IOException {
        ResultsMarker.Kind kind = ResultsMarker.read(target)
                .orElseThrow(() -> new IOException(target + " carries no " + ResultsMarker.NAME + " marker"));
        replace(target, kind, tmp -> {
            Trees.copy(target, tmp, relative -> relative.getNameCount() == 1
                    && Files.isRegularFile(target.resolve(relative), LinkOption.NOFOLLOW_LINKS)
                    && rendered.test(relative.toString()));
            contents.writeInto(tmp);
        });
    }
}
