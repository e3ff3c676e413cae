package org.clocksim.report.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetLockTest {
    @TempDir
    Path tmp;

    @Test
    void aSecondWriterIsRefusedNamingTheFirstAndTheLockGoesWithTheFirst() throws IOException {
        Path target = tmp.resolve("out");
        try (TargetLock first = TargetLock.acquire(target)) {
            assertThat(Files.readString(TargetLock.fileOf(target))).startsWith(ProcessHandle.current().pid() + " ");
            assertThatThrownBy(() -> TargetLock.acquire(target)).isInstanceOf(UnusablePathException.class)
                    .hasMessageContaining(target + " is being written by another clocksim command (process "
                            + ProcessHandle.current().pid() + ")");
        }
        assertThat(TargetLock.fileOf(target)).doesNotExist();
        try (TargetLock again = TargetLock.acquire(target)) {
            assertThat(TargetLock.fileOf(target)).exists();
        }
    }

    @Test
    void aWriterInAnotherProcessIsNamedAndItsLockEndsWithIt() throws Exception {
        Path target = tmp.resolve("out");
        Process holder = LockHolder.start(target);
        try {
            assertThatThrownBy(() -> TargetLock.acquire(target)).isInstanceOf(UnusablePathException.class)
                    .hasMessageContaining("(process " + holder.pid() + ")");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        assertThat(holder.exitValue()).isZero();
        assertThat(TargetLock.fileOf(target)).doesNotExist();
        try (TargetLock mine = TargetLock.acquire(target)) {
            assertThat(Files.readString(TargetLock.fileOf(target))).startsWith(ProcessHandle.current().pid() + " ");
        }
    }

    @Test
    void aLockFileLeftByAKilledProcessIsTakenOver() throws Exception {
        Path target = tmp.resolve("out");
        Process holder = LockHolder.start(target);
        holder.destroyForcibly().waitFor();
        assertThat(TargetLock.fileOf(target)).exists();
        try (TargetLock mine = TargetLock.acquire(target)) {
            assertThat(Files.readString(TargetLock.fileOf(target))).startsWith(ProcessHandle.current().pid() + " ");
        }
        assertThat(TargetLock.fileOf(target)).doesNotExist();
    }
}
