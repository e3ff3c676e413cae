package org.clocksim.report.out;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure as a user reads it: the file and the reason ({@code results/x: Permission
 * denied}), never a bare path.
 */
public final class IoMessages {
    private IoMessages() {
    }

    /** {@code e} as one line naming the file and the reason: {@code FILE: REASON}. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String file = fs.getOtherFile() == null ? fs.getFile() : fs.getFile() + " -> " + fs.getOtherFile();
            return file + ": " + reason(fs);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Like {@link #describe(IOException)} for an exception that wraps one. */
    public static String describe(UncheckedIOException e) {
        return describe(e.getCause());
    }

    /** The reason alone: the system's ({@code Permission denied}) or what the exception type means. */
    public static String reason(FileSystemException e) {
        if (e.getReason() != null && !e.getReason().isBlank()) {
            return e.getReason();
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory (a parent is a file)";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        return e.getClass().getSimpleName();
    }
}
