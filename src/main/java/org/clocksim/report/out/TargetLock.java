package org.clocksim.report.out;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One writer at a time per results target: an exclusive lock on {@code .NAME.lock} beside it,
 * which holds the writer's process id (for the message the next writer gets). The system releases
 * the lock when the process ends, however it ends; the file is removed on {@link #close()}.
 *
 * <p>Removing a lock file races with a writer that opened it just before: so a writer that got
 * the lock checks that the file at the path is still the one it locked (it holds the token it
 * wrote), and tries again otherwise.
 */
public final class TargetLock implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final String token;

    private TargetLock(Path file, FileChannel channel, FileLock lock, String token) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.token = token;
    }

    /** The lock file of {@code target}. */
    public static Path fileOf(Path target) {
        Path absolute = target.toAbsolutePath();
        return absolute.resolveSibling("." + absolute.getFileName() + ".lock");
    }

    /**
     * Takes the lock of {@code target}, whose parent exists.
     *
     * @throws UnusablePathException when another process (or another command in this one) holds it
     */
    public static TargetLock acquire(Path target) throws IOException {
        Path file = fileOf(target);
        String token = ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                channel.close();
                throw new UnusablePathException(target + " is being written by another clocksim command ("
                        + holder(file) + "): wait for it to finish, or give another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            if (token.equals(contentOf(file))) {
                return new TargetLock(file, channel, lock, token);
            }
            channel.close();
        }
        throw new IOException("cannot lock " + file + ": it keeps being replaced");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Who holds the lock, as its file says. */
    private static String holder(Path file) {
        String content = contentOf(file).strip();
        String pid = content.isEmpty() ? "" : content.split("\\s+")[0];
        return pid.matches("\\d+") ? "process " + pid : "process unknown";
    }

    private static String contentOf(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // gone (or unreadable): nobody's token
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (token.equals(contentOf(file))) {
                Files.deleteIfExists(file);
            }
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
