package org.clocksim.report.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What --out may replace: only clocksim's own results, an empty directory, or nothing. */
class ResultsTargetTest {
    @TempDir
    Path tmp;

    private ResultsTarget.Protected places() throws IOException {
        return new ResultsTarget.Protected(Files.createDirectories(tmp.resolve("cwd/here")),
                Files.createDirectories(tmp.resolve("home/user")));
    }

    private static void replaceable(Path path) throws IOException {
        ResultsTarget.of(path).checkReplaceable();
    }

    @Test
    void anEmptyPathIsRefused() {
        assertThatThrownBy(() -> ResultsTarget.of(Path.of(""))).isInstanceOf(UnusablePathException.class)
                .hasMessageContaining("''").hasMessageContaining("empty path");
    }

    @Test
    void theRootIsRefusedFromThePathAlone() {
        assertThatThrownBy(() -> ResultsTarget.of(Path.of("/"), places())).isInstanceOf(UnusablePathException.class)
                .hasMessageContaining("is the root directory");
    }

    @Test
    void theCurrentDirectoryAndItsAncestorsAreRefused() throws IOException {
        ResultsTarget.Protected places = places();
        assertThatThrownBy(() -> ResultsTarget.of(places.workingDirectory().resolve("."), places))
                .hasMessageContaining("is the current directory");
        assertThatThrownBy(() -> ResultsTarget.of(places.workingDirectory().resolve("sub/../.."), places))
                .hasMessageContaining("contains the current directory");
        assertThatThrownBy(() -> ResultsTarget.of(Path.of("."))).hasMessageContaining("is the current directory");
        assertThatCode(() -> ResultsTarget.of(places.workingDirectory().resolve("results/x"), places))
                .doesNotThrowAnyException();
    }

    @Test
    void theHomeDirectoryAndItsAncestorsAreRefused() throws IOException {
        ResultsTarget.Protected places = places();
        assertThatThrownBy(() -> ResultsTarget.of(places.home(), places)).hasMessageContaining("is your home directory");
        assertThatThrownBy(() -> ResultsTarget.of(places.home().getParent(), places))
                .hasMessageContaining("contains your home directory");
    }

    @Test
    void aFileIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> replaceable(file)).isInstanceOf(UnusablePathException.class)
                .hasMessageContaining(file + ": it is a file").hasMessageContaining("give another --out");
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    @Test
    void aDirectoryOfSomeoneElsesFilesIsRefusedNamingThem() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("v"));
        Files.writeString(dir.resolve("t.txt"), "x");
        assertThatThrownBy(() -> replaceable(dir)).isInstanceOf(UnusablePathException.class)
                .hasMessageContaining("a directory clocksim did not write").hasMessageContaining("t.txt")
                .hasMessageContaining(ResultsMarker.NAME);
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAResultsDirectory() throws IOException {
        Path results = Files.createDirectories(tmp.resolve("results"));
        ResultsMarker.write(results, ResultsMarker.Kind.RUN);
        Path link = Files.createSymbolicLink(tmp.resolve("link"), results);
        assertThatThrownBy(() -> replaceable(link)).hasMessageContaining("is a symbolic link (to " + results);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere"));
        assertThatThrownBy(() -> replaceable(dangling)).hasMessageContaining("is a symbolic link");
    }

    @Test
    void aDeviceIsRefusedAndStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assertThatThrownBy(() -> replaceable(devNull)).hasMessageContaining("is a device or other special file");
        BasicFileAttributes attributes = Files.readAttributes(devNull, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        assertThat(attributes.isOther()).as("/dev/null is still a device").isTrue();
    }

    @Test
    void aPathBelowAFileIsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertThatThrownBy(() -> replaceable(file.resolve("a/b"))).hasMessageContaining(file + " is a file, not a directory");
    }

    @Test
    void nothingAnEmptyDirectoryAndAMarkedOneMayBeReplaced() throws IOException {
        assertThatCode(() -> replaceable(tmp.resolve("new/below"))).doesNotThrowAnyException();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatCode(() -> replaceable(empty)).doesNotThrowAnyException();
        Path marked = Files.createDirectories(tmp.resolve("marked"));
        Files.writeString(marked.resolve("summary.json"), "{}");
        ResultsMarker.write(marked, ResultsMarker.Kind.SWEEP);
        assertThatCode(() -> replaceable(marked)).doesNotThrowAnyException();
    }

    @Test
    void aMarkerThatIsNotClocksimsDoesNotCount() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("forged"));
        Files.writeString(dir.resolve(ResultsMarker.NAME), "{\"writtenBy\": \"someone\", \"kind\": \"run\"}");
        assertThat(ResultsMarker.present(dir)).isFalse();
        Files.writeString(dir.resolve(ResultsMarker.NAME), "not json");
        assertThat(ResultsMarker.present(dir)).isFalse();
        ResultsMarker.write(dir, ResultsMarker.Kind.MERGE);
        assertThat(ResultsMarker.read(dir)).contains(ResultsMarker.Kind.MERGE);
    }
}
