package org.clocksim.report.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What interrupted writers leave beside a target, put right by the next one. */
class LeftoversTest {
    @TempDir
    Path tmp;

    /** The id of a process that has ended. */
    static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    /** The id of another process that is alive (the one that started this JVM). */
    static long livePid() {
        return ProcessHandle.current().parent().orElseThrow().pid();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private Path sibling(String role, long pid, String file, String content) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(".out." + role + "-" + pid + "-1"));
        Files.writeString(dir.resolve(file), content);
        return dir;
    }

    @Test
    void aTargetMissingBetweenTheTwoMovesIsRestoredFromItsAsideCopy() throws Exception {
        long dead = deadPid();
        sibling("old", dead, "summary.json", "the old results");
        sibling("tmp", dead, "summary.json", "the new results");
        List<String> notes = new ArrayList<>();
        Leftovers.tidy(tmp.resolve("out"), notes::add);
        assertThat(Files.readString(tmp.resolve("out/summary.json"))).isEqualTo("the old results");
        assertThat(names()).containsExactly("out");
        assertThat(notes).anySatisfy(note -> assertThat(note).contains("restored " + tmp.resolve("out"))
                .contains("process " + dead));
    }

    @Test
    void leftoversOfDeadProcessesAreRemovedAndThoseOfLiveOnesKept() throws Exception {
        Files.createDirectories(tmp.resolve("out"));
        long dead = deadPid();
        long live = livePid();
        sibling("tmp", dead, "a", "half written");
        sibling("old", dead, "a", "replaced already");
        sibling("tmp", live, "a", "being written");
        sibling("old", ProcessHandle.current().pid(), "a", "this process's");
        Files.createDirectories(tmp.resolve(".other.tmp-" + dead + "-1"));
        List<String> notes = new ArrayList<>();
        Leftovers.tidy(tmp.resolve("out"), notes::add);
        assertThat(names()).containsExactly(".other.tmp-" + dead + "-1",
                ".out.old-" + ProcessHandle.current().pid() + "-1", ".out.tmp-" + live + "-1", "out");
        assertThat(notes).containsExactly("clocksim: removed 2 temporary directories that interrupted clocksim "
                + "processes left beside " + tmp.resolve("out"));
    }

    @Test
    void nothingToDoSaysNothing() throws IOException {
        List<String> notes = new ArrayList<>();
        Leftovers.tidy(tmp.resolve("out"), notes::add);
        assertThat(notes).isEmpty();
        assertThat(names()).isEmpty();
    }
}
