package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.results.ProvenanceFile;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every committed results directory is what the current code produces: each run's data files and each
 * sweep's aggregates, byte for byte (charts are compared by the tests of their own, since their pixels
 * depend on the JDK's fonts). Regenerate with the commands in README's "Outputs".
 */
class CommittedResultsTest {
    private static final Path RESULTS = Path.of("results");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Stream<String> committed() throws IOException {
        try (Stream<Path> dirs = Files.list(RESULTS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                    .filter(name -> !name.startsWith(".")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("committed")
    void theCommittedResultsAreWhatTheCurrentCodeProduces(String name) throws IOException {
        Path committed = RESULTS.resolve(name);
        Path fresh = tmp.resolve(name);
        Path config = Path.of("experiments", name + ".yaml");
        Cli cli;
        if (Files.exists(committed.resolve("sweep.json"))) {
            JsonNode arguments = JSON.readTree(committed.resolve("sweep-arguments.json").toFile());
            List<Object> args = new ArrayList<>(List.of("sweep", Path.of("experiments",
                    arguments.get("sourceName").asText()), "--out", fresh, "--replications",
                    arguments.get("replications").asInt()));
            arguments.get("overrides").forEach(o -> args.addAll(List.of("--set", o.asText())));
            arguments.get("parameters").forEach(p -> args.addAll(List.of("--param", p.asText())));
            cli = Cli.run(args.toArray());
        } else {
            cli = Cli.run("run", config, "--out", fresh);
        }
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<Path> data = dataFiles(committed);
        assertThat(data).as("data files of " + committed).isNotEmpty();
        for (Path file : data) {
            Path relative = committed.relativize(file);
            assertThat(fresh.resolve(relative)).as("regenerate " + committed + " (" + relative + ")")
                    .exists().hasSameBinaryContentAs(file);
        }
    }

    /**
     * The files whose bytes are the results: JSON, CSV and the resolved configs (not charts, not report.md,
     * not provenance.json, which says which JDK and machine wrote them).
     */
    private static List<Path> dataFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> {
                String n = f.getFileName().toString();
                return !n.equals(ProvenanceFile.NAME) && n.endsWith(".json") || n.endsWith(".csv") || n.endsWith(".yaml");
            }).sorted().toList();
        }
    }
}
