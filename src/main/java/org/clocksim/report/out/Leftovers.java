package org.clocksim.report.out;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What interrupted writers left beside a target, put right by the next writer (which holds the
 * target's lock): when the target is missing and an abandoned {@code .NAME.old-*} (the complete
 * previous results, moved aside for the swap) is there, it is moved back; every other abandoned
 * sibling is deleted. Siblings of live processes are left alone.
 */
public final class Leftovers {
    private Leftovers() {
    }

    /** Tidies beside {@code target}; {@code notes} gets one line per thing done, for stderr. */
    public static void tidy(Path target, Consumer<String> notes) throws IOException {
        Path absolute = target.toAbsolutePath();
        List<Siblings> abandoned = new ArrayList<>(Siblings.of(absolute).stream().filter(Siblings::abandoned).toList());
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Optional<Siblings> old = abandoned.stream().filter(s -> s.role() == Siblings.Role.OLD)
                    .max(Comparator.comparing(Leftovers::modified));
            if (old.isPresent()) {
                Files.move(old.get().path(), absolute, StandardCopyOption.ATOMIC_MOVE);
                abandoned.remove(old.get());
                notes.accept("clocksim: restored " + target + ": clocksim process " + old.get().pid()
                        + " was interrupted while replacing it; these are the results it was replacing");
            }
        }
        int removed = 0;
        for (Siblings leftover : abandoned) {
            Trees.delete(leftover.path());
            removed++;
        }
        if (removed > 0) {
            notes.accept("clocksim: removed " + removed + " temporary director" + (removed == 1 ? "y" : "ies")
                    + " that interrupted clocksim processes left beside " + target);
        }
    }

    private static long modified(Siblings sibling) {
        try {
            return Files.getLastModifiedTime(sibling.path(), LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }
}
