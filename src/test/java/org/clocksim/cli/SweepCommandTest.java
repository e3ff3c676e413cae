package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.results.ProvenanceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    /** Files of a results directory that are not compared outputs. */
    private static final Set<String> NOT_COMPARED = Set.of(ResultsMarker.NAME, ProvenanceFile.NAME);
    @TempDir
    Path tmp;

    private Path config() throws IOException {
        Path file = tmp.resolve("c.yaml");
        Files.writeString(file, """
                duration: 1ms
                machine: {sockets: 2, coresPerSocket: 1, tsc: {socketOffset: [0ns, 5us]}}
                scheduler: {migration: {policy: poisson, rate: 5000/s}}
                workload: {thinkTime: 1us}
                output: {skewSamples: 2}
                """);
        return file;
    }

    @Test
    void sweepsTheCommandLineParametersShardsAndMerges() throws IOException {
        Path config = config();
        Cli whole = Cli.run("sweep", config, "--param", "scheduler.migration.rate=1000/s,2000/s", "--replications", "2",
                "--out", tmp.resolve("whole"));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        assertThat(whole.out()).contains("2 points x 2 replications");
        for (int i = 0; i < 2; i++) {
            Cli shard = Cli.run("sweep", config, "--param", "scheduler.migration.rate=1000/s,2000/s",
                    "--replications", "2", "--shard", i + "/2", "--out", tmp.resolve("shard-" + i));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
        }
        Cli merge = Cli.run("merge", "--out", tmp.resolve("merged"), tmp.resolve("shard-0"), tmp.resolve("shard-1"));
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(Files.readString(tmp.resolve("merged/sweep.csv")))
                .isEqualTo(Files.readString(tmp.resolve("whole/sweep.csv")));
    }

    /** Every file below {@code dir} but the markers and provenance, by relative path, with its bytes (as text). */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                if (!NOT_COMPARED.contains(p.getFileName().toString())) {
                    files.put(dir.relativize(p).toString(), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return files;
    }

    @Test
    void shardsOfTheSameConfigTypedDifferentlyMergeToTheSingleRunsBytes() throws IOException {
        Path config = config();
        Path relative = Path.of("").toAbsolutePath().relativize(config);
        Path roundabout = config.getParent().resolve("sub/../c.yaml");
        Files.createDirectories(config.getParent().resolve("sub"));
        List<Path> typings = List.of(config, relative, roundabout);
        for (int i = 0; i < 3; i++) {
            Cli shard = Cli.run("sweep", typings.get(i), "--param", "scheduler.migration.rate=1000/s,2000/s",
                    "--replications", "2", "--shard", i + "/3", "--out", tmp.resolve("shard-" + i));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
        }
        Cli whole = Cli.run("sweep", relative, "--param", "scheduler.migration.rate=1000/s,2000/s", "--replications",
                "2", "--out", tmp.resolve("whole"));
        assertThat(whole.exitCode()).as(whole.err()).isZero();
        Cli merge = Cli.run("merge", "--out", tmp.resolve("merged"), tmp.resolve("shard-0"), tmp.resolve("shard-1"),
                tmp.resolve("shard-2"));
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        assertThat(tree(tmp.resolve("merged"))).isEqualTo(tree(tmp.resolve("whole")));
        assertThat(Files.readString(tmp.resolve("whole/sweep-arguments.json"))).contains("\"sourceName\" : \"c.yaml\"")
                .doesNotContain(tmp.toString());
    }

    @Test
    void shardsOfDifferentSweepsAreRefusedWithExitTwo() throws IOException {
        Path config = config();
        for (int i = 0; i < 2; i++) {
            Cli shard = Cli.run("sweep", config, "--param", "scheduler.migration.rate=1000/s,2000/s",
                    "--replications", String.valueOf(i + 1), "--shard", i + "/2", "--out", tmp.resolve("shard-" + i));
            assertThat(shard.exitCode()).as(shard.err()).isZero();
        }
        Cli merge = Cli.run("merge", "--out", tmp.resolve("merged"), tmp.resolve("shard-0"), tmp.resolve("shard-1"));
        assertThat(merge.exitCode()).isEqualTo(2);
        assertThat(merge.err()).contains("is not a shard of the same sweep");
        assertThat(tmp.resolve("merged")).doesNotExist();
    }

    @Test
    void badSweepsExitWithTwoAndWriteNothing() throws IOException {
        Path config = config();
        Cli nothing = Cli.run("sweep", config, "--out", tmp.resolve("none"));
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to sweep");
        Cli badShard = Cli.run("sweep", config, "--param", "workload.threads=1,2", "--shard", "2/2", "--out",
                tmp.resolve("none"));
        assertThat(badShard.exitCode()).isEqualTo(2);
        assertThat(badShard.err()).contains("--shard");
        Cli badValue = Cli.run("sweep", config, "--param", "workload.threads=1,zero", "--out", tmp.resolve("none"));
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).contains("workload.threads").contains("sweep point {workload.threads=zero}");
        assertThat(tmp.resolve("none")).doesNotExist();
    }
}
