package org.clocksim.report.out;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hidden directories a writer keeps beside its target {@code NAME} while it works, named after
 * the process that made them so that the next writer can tell an abandoned one from a live one:
 * {@code .NAME.tmp-PID-N} (being written, or being deleted: never worth keeping) and
 * {@code .NAME.old-PID-N} (the complete previous results, moved aside for the moment of the
 * swap).
 *
 * @param path the sibling
 * @param role what it holds
 * @param pid  the process that made it
 */
public record Siblings(Path path, Role role, long pid) {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final long PID = ProcessHandle.current().pid();

    /** What a sibling holds. */
    public enum Role {
        /** A results directory being written, or an old one being deleted. */
        TMP("tmp"),
        /** The complete previous results, moved aside while the new ones move into place. */
        OLD("old");

        private final String id;

        Role(String id) {
            this.id = id;
        }
    }

    /** A fresh, not yet existing path for a sibling of {@code target} made by this process. */
    public static Path reserve(Path target, Role role) {
        Path parent = target.toAbsolutePath().getParent();
        while (true) {
            Path candidate = parent.resolve(prefix(target, role) + PID + "-" + COUNTER.incrementAndGet());
            if (!Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                return candidate;
            }
        }
    }

    /**
     * Creates a sibling directory of {@code target} with the default permissions (the umask's, as
     * {@code mkdir} would: not {@code createTempDirectory}'s 0700).
     */
    public static Path createDirectory(Path target, Role role) throws IOException {
        while (true) {
            try {
                return Files.createDirectory(reserve(target, role));
            } catch (FileAlreadyExistsException e) {
                // another thread took that name between the check and the creation: take the next
            }
        }
    }

    /** Like {@link #createDirectory} for a file. */
    public static Path createFile(Path target, Role role) throws IOException {
        while (true) {
            try {
                return Files.createFile(reserve(target, role));
            } catch (FileAlreadyExistsException e) {
                // as above
            }
        }
    }

    /** Every sibling of {@code target} that some clocksim process made. */
    public static List<Siblings> of(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        List<Siblings> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute.getParent(),
                "." + globEscape(absolute.getFileName().toString()) + ".*")) {
            for (Path entry : entries) {
                parse(absolute, entry).ifPresent(found::add);
            }
        }
        found.sort((a, b) -> a.path().compareTo(b.path()));
        return found;
    }

    /** {@code candidate} as a sibling of {@code target}, if it is named like one. */
    static Optional<Siblings> parse(Path target, Path candidate) {
        String name = candidate.getFileName().toString();
        for (Role role : Role.values()) {
            String prefix = prefix(target, role);
            if (name.startsWith(prefix)) {
                String[] rest = name.substring(prefix.length()).split("-", -1);
                if (rest.length == 2 && rest[0].matches("\\d{1,18}") && rest[1].matches("\\d{1,18}")) {
                    return Optional.of(new Siblings(candidate, role, Long.parseLong(rest[0])));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a file name is that of a writer's hidden work directory ({@code .X.tmp-…},
     * {@code .X.old-…}), of this or an earlier version: such a directory is never part of results.
     */
    public static boolean isWorkName(String name) {
        return name.startsWith(".") && (name.contains(".tmp-") || name.contains(".old-"));
    }

    /** Whether the process that made this sibling has ended (so nothing will ever finish it). */
    public boolean abandoned() {
        return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }

    private static String prefix(Path target, Role role) {
        return "." + target.toAbsolutePath().getFileName() + "." + role.id + "-";
    }

    private static String globEscape(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }
}
