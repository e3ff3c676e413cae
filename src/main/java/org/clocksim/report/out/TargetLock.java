package org.clocksim.report.out;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One writer at a time per results target: an exclusive lock on {@code .NAME.lock} beside it,
 * which holds the writer's process id (for the message the next writer gets). The system releases
 * the lock when the process ends, however it ends; the file is removed on {@link #close()}.
 *
 * <p>Two traps are avoided. Removing a lock file races with a writer that opened it just before:
 * so a writer that got the lock checks that the file now at the path is the one it locked (it
 * holds the token just written), and tries again otherwise. And the lock is a POSIX record lock,
 * which the system drops when the process closes <em>any</em> descriptor of the file: so the file
 * is read only through descriptors kept open until the lock is released.
 */
public final class TargetLock implements AutoCloseable {
    private static final int ATTEMPTS = 5;
    private static final int MAX_CONTENT = 256;
    private final Path file;
    private final FileChannel channel;
    private final FileChannel check;
    private final FileLock lock;

    private TargetLock(Path file, FileChannel channel, FileChannel check, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.check = check;
        this.lock = lock;
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
                String holder = holder(content(channel));
                channel.close();
                throw new UnusablePathException(target + " is being written by another clocksim command (" + holder
                        + "): wait for it to finish, or give another --out");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            FileChannel check = openIfPresent(file);
            if (check != null && token.equals(content(check))) {
                return new TargetLock(file, channel, check, lock);
            }
            // the path is another file now (ours was removed by the writer before us): closing a
            // descriptor of that other file leaves our lock alone, and ours is given up anyway
            if (check != null) {
                check.close();
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

    private static FileChannel openIfPresent(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static String content(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(MAX_CONTENT);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // read it all (it is a line)
        }
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    /** Who holds the lock, as its file says. */
    private static String holder(String content) {
        String[] words = content.strip().split("\\s+");
        return words[0].matches("\\d+") ? "process " + words[0] : "process unknown";
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            try {
                lock.release();
            } finally {
                check.close();
                channel.close();
            }
        }
    }
}
