package org.clocksim.report.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An I/O failure always carries its reason, never a bare path. */
class IoMessagesTest {
    @TempDir
    Path tmp;

    @Test
    void exceptionsWithoutAReasonGetTheOneTheirTypeMeans() {
        assertThat(IoMessages.describe(new AccessDeniedException("results/x"))).isEqualTo("results/x: Permission denied");
        assertThat(IoMessages.describe(new NotDirectoryException("a/b")))
                .isEqualTo("a/b: Not a directory (a parent is a file)");
        assertThat(IoMessages.describe(new FileSystemException("a", null, "Read-only file system")))
                .isEqualTo("a: Read-only file system");
    }

    @Test
    void aRealFailureBelowAFileNamesTheFileAndTheReason() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> Files.createDirectories(file.resolve("x"))).isInstanceOf(IOException.class)
                .satisfies(e -> assertThat(IoMessages.describe((IOException) e))
                        .isEqualTo(file.resolve("x") + ": Not a directory"));
    }
}
