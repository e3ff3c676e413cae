package org.clocksim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.clocksim.report.out.ResultsMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsDirectoryTest {
    @TempDir
    Path tmp;

    private long entries() throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.count();
        }
    }

    @Test
    void aWriteThatRunsOutOfMemoryLeavesNoTemporaryDirectory() throws IOException {
        assertThatThrownBy(() -> ResultsDirectory.replace(tmp.resolve("out"), ResultsMarker.Kind.RUN, dir -> {
            Files.writeString(dir.resolve("summary.json"), "{}");
            throw new OutOfMemoryError("simulated");
        })).isInstanceOf(OutOfMemoryError.class);
        assertThat(entries()).isZero();
    }

    @Test
    void theOldResultsAreReplacedWholeAndTheNewOnesMarked() throws IOException {
        Path out = tmp.resolve("out");
        ResultsDirectory.replace(out, ResultsMarker.Kind.RUN, dir -> Files.writeString(dir.resolve("a"), "old"));
        ResultsDirectory.replace(out, ResultsMarker.Kind.MERGE, dir -> Files.writeString(dir.resolve("b"), "new"));
        assertThat(out.resolve("a")).doesNotExist();
        assertThat(Files.readString(out.resolve("b"))).isEqualTo("new");
        assertThat(ResultsMarker.read(out)).contains(ResultsMarker.Kind.MERGE);
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aTargetThatBecameForeignWhileWritingIsRefusedAtTheSwapAndKept() throws IOException {
        Path out = tmp.resolve("out");
        assertThatThrownBy(() -> ResultsDirectory.replace(out, ResultsMarker.Kind.RUN, dir -> {
            Files.createDirectories(out);
            Files.writeString(out.resolve("mine.txt"), "the user's");
        })).hasMessageContaining("a directory clocksim did not write");
        assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("the user's");
        assertThat(entries()).isEqualTo(1);
    }
}
