package org.clocksim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clocksim.cli.Main;
import org.clocksim.config.ConfigException;
import org.clocksim.config.SweepLoader;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.results.ProvenanceFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small sweep, run every way a user can: the output must not depend on how. */
class SweepRunnerTest {
    /** Files of a results directory that are not compared outputs. */
    private static final Set<String> NOT_COMPARED = Set.of(ResultsMarker.NAME, ProvenanceFile.NAME);
    private static final String CONFIG = """
            name: small-sweep
            seed: 4
            duration: 2ms
            replications: 2
            machine:
              sockets: 2
              coresPerSocket: 1
              tsc: {socketOffset: [0ns, 10us]}
            scheduler:
              migration: {policy: poisson, rate: 5000/s, gap: 2us}
            workload:
              threads: 1
              thinkTime: {type: exponential, mean: 500ns}
              sources: [rdtsc, vdso-clock_gettime]
            output: {maxBackwardEvents: 10, skewSamples: 2}
            sweep:
              parameters:
                - {key: "machine.tsc.socketOffset[1]", values: [1us, 10us]}
                - {key: scheduler.migration.rate, values: [1000/s, 5000/s]}
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static SweepPlan plan;
    private static Map<String, String> reference;

    @BeforeAll
    static void runOnceSequentially() throws Exception {
        plan = SweepLoader.parse(CONFIG, "small-sweep.yaml", List.of(), List.of(), null);
        Path out = tmp.resolve("reference");
        new SweepRunner(1, SweepProgress.NONE).run(plan, out, false, Shard.ALL);
        reference = tree(out);
    }

    /** Every file below {@code dir} but the markers and provenance (not compared outputs), by relative path, with its content. */
    private static Map<String, String> tree(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.filter(Files::isRegularFile).filter(p -> !NOT_COMPARED.contains(p.getFileName().toString()))
                    .forEach(p -> {
                        try {
                            files.put(dir.relativize(p).toString(),
                                    new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        return files;
    }

    @Test
    void everyDirectoryCarriesAMarkerSayingWhatWroteIt() throws IOException {
        Path out = tmp.resolve("reference");
        assertThat(ResultsMarker.read(out)).contains(ResultsMarker.Kind.SWEEP);
        assertThat(ResultsMarker.read(out.resolve("point-001"))).contains(ResultsMarker.Kind.SWEEP_POINT);
        assertThat(ResultsMarker.read(out.resolve("point-001/rep-1"))).contains(ResultsMarker.Kind.RUN);
    }

    @Test
    void writesEveryPointAndReplicationAndTheAggregates() throws IOException {
        assertThat(reference).containsKeys("sweep.csv", "sweep.json", "sweep-config.yaml", "sweep-arguments.json",
                "point-000/experiment.yaml", "point-003/rep-1/summary.json", "point-003/rep-1/backward-events.csv");
        assertThat(reference.keySet().stream().filter(k -> k.endsWith("/summary.json"))).hasSize(8);
        JsonNode sweep = JSON.readTree(reference.get("sweep.json"));
        assertThat(sweep.get("points")).hasSize(4);
        JsonNode point = sweep.get("points").get(3);
        assertThat(point.get("values").get("scheduler.migration.rate").asText()).isEqualTo("5000/s");
        assertThat(point.get("numericValues").get("machine.tsc.socketOffset[1]").asDouble()).isEqualTo(10_000);
        JsonNode backward = point.get("metrics").get("rdtsc").get("backwardPerMillion");
        assertThat(backward.get("n").asInt()).isEqualTo(2);
        assertThat(backward.get("mean").asDouble()).isPositive()
                .isBetween(backward.get("ciLow").asDouble(), backward.get("ciHigh").asDouble());
        // 1 us is less than the 2 us gap: nothing goes backwards
        assertThat(sweep.get("points").get(0).get("metrics").get("rdtsc").get("backwardEvents").get("mean").asDouble())
                .isZero();
        List<String> csv = reference.get("sweep.csv").lines().toList();
        // each parameter as written and as a number in SI units, for sorting and pivoting
        assertThat(csv.get(0)).isEqualTo("# sweep of experiment small-sweep, seed 4, 2 replications per point");
        assertThat(csv.get(1)).isEqualTo("point,machine.tsc.socketOffset[1],machine.tsc.socketOffset[1] [s],"
                + "scheduler.migration.rate,scheduler.migration.rate [/s],replications,source,metric,mean,ciLow,ciHigh");
        assertThat(csv).contains("3,10us,0.00001,5000/s,5000,2,rdtsc,backwardPerMillion," + backward.get("mean").asText() + ","
                + backward.get("ciLow").asText() + "," + backward.get("ciHigh").asText());
    }

    @Test
    void moreWorkersWriteTheSameFiles() throws IOException {
        Path out = tmp.resolve("parallel");
        new SweepRunner(4, SweepProgress.NONE).run(plan, out, false, Shard.ALL);
        assertThat(tree(out)).isEqualTo(reference);
    }

    @Test
    void shardsMergedEqualOneRun() throws IOException, ConfigException {
        Path first = tmp.resolve("shard-0");
        Path second = tmp.resolve("shard-1");
        new SweepRunner(2, SweepProgress.NONE).run(plan, first, false, new Shard(0, 2));
        new SweepRunner(2, SweepProgress.NONE).run(plan, second, false, new Shard(1, 2));
        assertThat(tree(first)).containsKey("shard.json").doesNotContainKey("sweep.csv");
        Path merged = tmp.resolve("merged");
        SweepMerger.merge(List.of(first, second), merged);
        assertThat(tree(merged)).isEqualTo(reference);
        assertThat(ResultsMarker.read(merged)).contains(ResultsMarker.Kind.MERGE);
        assertThat(ResultsMarker.read(merged.resolve("point-003/rep-0"))).contains(ResultsMarker.Kind.RUN);
        assertThatThrownBy(() -> SweepMerger.merge(List.of(first), tmp.resolve("incomplete")))
                .hasMessageContaining("the shards lack 4 replications");
        assertThat(tmp.resolve("incomplete")).doesNotExist();
    }

    @Test
    void anInterruptedSweepResumesToTheSameFiles() throws IOException {
        Path out = tmp.resolve("interrupted");
        AtomicInteger done = new AtomicInteger();
        SweepProgress crashAfterThree = new SweepProgress() {
            @Override
            public void start(int runs) {
            }

            @Override
            public void done() {
                if (done.incrementAndGet() == 3) {
                    throw new IllegalStateException("killed");
                }
            }
        };
        assertThatThrownBy(() -> new SweepRunner(1, crashAfterThree).run(plan, out, false, Shard.ALL))
                .hasMessageContaining("killed");
        assertThat(out).doesNotExist();
        Path partial = SweepRunner.partial(out);
        assertThat(tree(partial).keySet().stream().filter(k -> k.endsWith("/summary.json"))).hasSize(3);
        // a replication being written when the sweep was killed
        Path stale = Files.createDirectories(partial.resolve("point-001/.rep-1.tmp-12345"));
        Files.writeString(stale.resolve("summary.json"), "half written");
        Files.createDirectories(partial.resolve(".point-002.old-12345-1/rep-0"));

        AtomicInteger resumed = new AtomicInteger();
        new SweepRunner(1, new SweepProgress() {
            @Override
            public void start(int runs) {
                resumed.set(runs);
            }

            @Override
            public void done() {
            }
        }).run(plan, out, true, Shard.ALL);
        assertThat(resumed.get()).isEqualTo(5);
        assertThat(tree(out)).isEqualTo(reference);
        assertThat(out.resolve("point-001/.rep-1.tmp-12345")).doesNotExist();
        assertThat(out.resolve(".point-002.old-12345-1")).doesNotExist();
        assertThat(partial).doesNotExist();
    }

    @Test
    void oneReplicationRerunsAloneByteForByte() throws IOException {
        Path rerun = tmp.resolve("rerun");
        Path point = tmp.resolve("reference/point-002");
        int code = Main.execute(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "run", point.resolve("experiment.yaml").toString(),
                "--replication", "1", "--out", rerun.toString());
        assertThat(code).isZero();
        for (String file : List.of("summary.json", "backward-events.csv", "skew.csv", "latency-rdtsc.csv")) {
            assertThat(Files.readString(rerun.resolve(file))).as(file)
                    .isEqualTo(reference.get("point-002/rep-1/" + file));
        }
    }
}
