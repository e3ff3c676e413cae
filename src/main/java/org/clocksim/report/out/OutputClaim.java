package org.clocksim.report.out;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A command's hold on its results target, taken before it simulates anything (the preflight): the
 * path passes the {@link ResultsTarget} rules, its parent exists and is writable, the target's
 * {@link TargetLock} is held, and what interrupted writers left beside it has been put right
 * ({@link Leftovers}). Held until the command has moved its results into place.
 */
public final class OutputClaim implements AutoCloseable {
    private final ResultsTarget target;
    private final TargetLock lock;

    private OutputClaim(ResultsTarget target, TargetLock lock) {
        this.target = target;
        this.lock = lock;
    }

    /**
     * @param notes gets a line for each thing put right (a restored directory, removed leftovers)
     * @throws UnusablePathException when the target is refused, cannot be created or written, or is
     *                               being written by another command
     */
    public static OutputClaim acquire(Path given, Consumer<String> notes) throws IOException {
        ResultsTarget target = ResultsTarget.of(given);
        target.checkReplaceable();
        Path parent = target.path().getParent();
        TargetLock lock;
        try {
            Files.createDirectories(parent);
            lock = TargetLock.acquire(target.path());
        } catch (FileSystemException e) {
            throw new UnusablePathException("cannot write results to " + given + ": " + IoMessages.describe(e));
        }
        try {
            Leftovers.tidy(target.path(), notes);
            target.checkReplaceable();
        } catch (IOException | RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        return new OutputClaim(target, lock);
    }

    /** The target, absolute and normalised. */
    public Path path() {
        return target.path();
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
