package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clocksim.report.out.LockHolder;
import org.clocksim.report.out.ResultsMarker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clocksim replaces only its own outputs, one writer at a time, and puts right what an interrupted one left. */
class OutputSafetyTest {
    private static final String QUICK = "experiments/quickstart.yaml";

    @TempDir
    Path tmp;

    private static Cli run(Path out) {
        return Cli.run("run", QUICK, "--out", out, "--set", "duration=2ms");
    }

    private List<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws IOException, InterruptedException {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return process.pid();
    }

    @Test
    void aDirectoryOfTheUsersFilesIsRefusedAndKept() throws IOException {
        Path v = Files.createDirectories(tmp.resolve("v"));
        Files.writeString(v.resolve("t.txt"), "x");
        Cli cli = run(v);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("will not write results to " + v).contains("t.txt")
                .contains(ResultsMarker.NAME).contains("give another --out");
        assertThat(cli.out()).isEmpty();
        assertThat(names(v)).containsExactly("t.txt");
        assertThat(Files.readString(v.resolve("t.txt"))).isEqualTo("x");
        assertThat(names(tmp)).containsExactly("v");
    }

    @Test
    void aPlainFileIsRefusedAndKept() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "mine");
        Cli cli = run(file);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(file + ": it is a file");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(names(tmp)).containsExactly("file");
    }

    @Test
    void aSymbolicLinkIsRefusedAndNeitherItNorWhatItPointsToIsTouched() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("real"));
        Files.writeString(dir.resolve("t.txt"), "x");
        Path link = Files.createSymbolicLink(tmp.resolve("link"), dir);
        Cli cli = run(link);
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("is a symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(names(dir)).containsExactly("t.txt");
    }

    @Test
    void aPathBelowAFileIsRefusedBeforeSimulating() throws IOException {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        Cli cli = run(file.resolve("out"));
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains(file + " is a file, not a directory");
        assertThat(cli.out()).as("no run summary: nothing was simulated").isEmpty();
        Cli sweep = Cli.run("sweep", QUICK, "--param", "workload.threads=1,2", "--out", file.resolve("out"));
        assertThat(sweep.exitCode()).isEqualTo(2);
        assertThat(sweep.err()).contains(file + " is a file, not a directory");
        assertThat(names(tmp)).containsExactly("plain");
    }

    @Test
    void aResultsDirectoryAndAnEmptyDirectoryAreReplaced() throws IOException {
        Path out = tmp.resolve("out");
        assertThat(run(out).exitCode()).isZero();
        assertThat(ResultsMarker.read(out)).contains(ResultsMarker.Kind.RUN);
        Files.writeString(out.resolve("extra.txt"), "in a results directory: replaced with it");
        Cli again = run(out);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(out.resolve("extra.txt")).doesNotExist();
        assertThat(out.resolve("summary.json")).exists();
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(run(empty).exitCode()).isZero();
        assertThat(empty.resolve("summary.json")).exists();
        assertThat(names(tmp)).containsExactly("empty", "out");
    }

    @Test
    void aRunKilledBetweenTheTwoMovesIsRestoredByTheNextCommand() throws Exception {
        Path out = tmp.resolve("out");
        assertThat(run(out).exitCode()).isZero();
        long dead = deadPid();
        // the state a kill between "old results aside" and "new results in place" leaves
        Files.move(out, tmp.resolve(".out.old-" + dead + "-7"));
        Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-8"));
        Cli cli = run(out);
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.err()).contains("restored " + out).contains("process " + dead)
                .contains("removed 1 temporary directory");
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void leftoversOfADeadProcessAreRemovedAndThoseOfALiveOneKept() throws Exception {
        long dead = deadPid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Files.createDirectories(tmp.resolve(".out.tmp-" + dead + "-1"));
        Files.createDirectories(tmp.resolve(".out.old-" + dead + "-2"));
        Files.createDirectories(tmp.resolve(".out.tmp-" + live + "-3"));
        Files.createDirectories(tmp.resolve("out"));
        Cli cli = run(tmp.resolve("out"));
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(names(tmp)).containsExactly(".out.tmp-" + live + "-3", "out");
    }

    @Test
    void aSecondWriterOnTheSameTargetGetsExitTwoNamingTheFirst() throws Exception {
        Path out = tmp.resolve("out");
        Process first = LockHolder.start(out);
        try {
            Cli cli = run(out);
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).contains(out + " is being written by another clocksim command (process "
                    + first.pid() + ")");
            Cli sweep = Cli.run("sweep", QUICK, "--param", "workload.threads=1,2", "--out", out);
            assertThat(sweep.exitCode()).isEqualTo(2);
            assertThat(sweep.err()).contains("process " + first.pid());
            assertThat(names(tmp)).containsExactly(".out.lock");
        } finally {
            first.getOutputStream().close();
            first.waitFor();
        }
        assertThat(run(out).exitCode()).isZero();
        assertThat(names(tmp)).containsExactly("out");
    }

    @Test
    void resultsAreReadableByOthersAsTheUmaskSays() throws IOException {
        Set<PosixFilePermission> dirDefault = Files.getPosixFilePermissions(Files.createDirectory(tmp.resolve("ref-dir")));
        Set<PosixFilePermission> fileDefault = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("ref-file")));
        org.junit.jupiter.api.Assumptions.assumeTrue(dirDefault.equals(PosixFilePermissions.fromString("rwxr-xr-x")),
                "umask 022");
        Path out = tmp.resolve("out");
        assertThat(run(out).exitCode()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-xr-x");
        assertThat(Files.getPosixFilePermissions(out.resolve("summary.json"))).isEqualTo(fileDefault);
        assertThat(PosixFilePermissions.toString(fileDefault)).isEqualTo("rw-r--r--");
        Path sweep = tmp.resolve("sweep");
        Cli swept = Cli.run("sweep", QUICK, "--param", "workload.threads=1,2", "--replications", "1", "--set",
                "duration=1ms", "--out", sweep);
        assertThat(swept.exitCode()).as(swept.err()).isZero();
        for (Path dir : List.of(sweep, sweep.resolve("point-000"), sweep.resolve("point-000/rep-0"))) {
            assertThat(Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)).as(dir.toString())
                    .isEqualTo(dirDefault);
        }
        Path xml = tmp.resolve("check.xml");
        Cli check = Cli.run("check", "experiments/two-socket-handoff.yaml", "--set", "duration=2ms", "--junit-xml", xml);
        assertThat(xml).exists();
        assertThat(check.err()).isEmpty();
        assertThat(Files.getPosixFilePermissions(xml)).isEqualTo(fileDefault);
    }
}
