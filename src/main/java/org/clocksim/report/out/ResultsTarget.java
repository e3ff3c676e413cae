package org.clocksim.report.out;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A path clocksim is asked to write results to, and the rules for it: it may replace only a
 * directory that carries the {@link ResultsMarker} (clocksim's own results), an empty directory
 * (nothing is lost), or nothing. It refuses, touching nothing: an empty path, the root, the current
 * or home directory or one that contains them, a symbolic link (to anything), a file, a device or
 * other special file, a directory of someone else's files, and a path below a file.
 *
 * @param given as the user typed it (for messages)
 * @param path  absolute and normalised
 */
public record ResultsTarget(Path given, Path path) {
    private static final int LISTED = 3;

    /** The directories no results may replace, besides the root: where the user is, and their home. */
    public record Protected(Path workingDirectory, Path home) {
        public static Protected ofThisProcess() {
            return new Protected(Path.of("").toAbsolutePath().normalize(),
                    Path.of(System.getProperty("user.home")).toAbsolutePath().normalize());
        }
    }

    /** {@code given} checked against the rules that need only the path. */
    public static ResultsTarget of(Path given) throws UnusablePathException {
        return of(given, Protected.ofThisProcess());
    }

    public static ResultsTarget of(Path given, Protected places) throws UnusablePathException {
        String shown = given.toString();
        if (shown.isEmpty()) {
            throw new UnusablePathException("cannot write results to '': an empty path names no directory; "
                    + "give one such as results/NAME");
        }
        Path path = given.toAbsolutePath().normalize();
        if (path.getFileName() == null) {
            throw refuse(shown, "is the root directory");
        }
        if (places.workingDirectory().startsWith(path)) {
            throw refuse(shown, path.equals(places.workingDirectory()) ? "is the current directory"
                    : "contains the current directory");
        }
        if (places.home().startsWith(path)) {
            throw refuse(shown, path.equals(places.home()) ? "is your home directory" : "contains your home directory");
        }
        return new ResultsTarget(given, path);
    }

    /**
     * Checks what is at the path now (without changing anything): nothing (and a parent that is or
     * can become a directory), an empty directory, or a marked results directory.
     */
    public void checkReplaceable() throws IOException {
        String shown = given.toString();
        if (Files.isSymbolicLink(path)) {
            throw refuse(shown, "is a symbolic link (to " + Files.readSymbolicLink(path)
                    + "); clocksim does not write through links");
        }
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            checkAncestors();
            return;
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(shown, "is a file");
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw refuse(shown, "is a device or other special file");
        }
        if (ResultsMarker.present(path)) {
            return;
        }
        List<String> entries = someEntries(path);
        if (!entries.isEmpty()) {
            throw refuse(shown, "is a directory clocksim did not write (it has no " + ResultsMarker.NAME
                    + " marker, and holds " + String.join(", ", entries) + "); empty it or remove it if its files "
                    + "can go");
        }
    }

    /**
     * Checks that the path is an existing results directory clocksim wrote (for a command that
     * rewrites one in place, such as {@code plot}) and returns what wrote it.
     */
    public ResultsMarker.Kind checkMarked() throws IOException {
        String shown = given.toString();
        if (Files.isSymbolicLink(path)) {
            throw new UnusablePathException(shown + " is a symbolic link (to " + Files.readSymbolicLink(path)
                    + "); give the results directory itself");
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnusablePathException(shown + (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    ? " is not a directory" : ": no such directory") + "; give a results directory clocksim wrote");
        }
        return ResultsMarker.read(path).orElseThrow(() -> new UnusablePathException(shown
                + " is not a results directory clocksim wrote (it has no " + ResultsMarker.NAME + " marker)"));
    }

    /** The nearest existing ancestor must be a directory (so the target can be created below it). */
    private void checkAncestors() throws UnusablePathException {
        for (Path ancestor = path.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (Files.exists(ancestor)) {
                if (!Files.isDirectory(ancestor)) {
                    throw new UnusablePathException("cannot create " + given + ": " + ancestor
                            + " is a file, not a directory; give an --out below a directory");
                }
                return;
            }
        }
    }

    private static List<String> someEntries(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (names.size() == LISTED) {
                    names.add("…");
                    break;
                }
                names.add(entry.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    private static UnusablePathException refuse(String shown, String what) {
        return new UnusablePathException("will not write results to " + shown + ": it " + what
                + "; clocksim replaces only a directory it wrote itself (one with a " + ResultsMarker.NAME
                + " marker), an empty directory, or nothing: give another --out");
    }
}
