package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backward-events.csv under output.maxBackwardEvents: a seeded uniform sample that changes no number. */
class BackwardEventSampleTest {
    private static final Path HANDOFF = Path.of("experiments/two-socket-handoff.yaml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double DURATION_NS = 20e6;

    @TempDir
    Path tmp;

    private Path run(String name, String... set) {
        Path out = tmp.resolve(name);
        List<Object> args = new java.util.ArrayList<>(List.of("run", HANDOFF, "--out", out, "--quiet", "--no-charts",
                "--set", "duration=20ms"));
        for (String s : set) {
            args.add("--set");
            args.add(s);
        }
        Cli cli = Cli.run(args.toArray());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        return out;
    }

    private static ObjectNode summaryWithoutCsv(Path dir) throws IOException {
        ObjectNode summary = (ObjectNode) JSON.readTree(dir.resolve("summary.json").toFile());
        summary.remove("backwardEventsCsv");
        return summary;
    }

    private static List<Double> eventTimes(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("backward-events.csv")).stream()
                .filter(l -> !l.startsWith("#") && !l.startsWith("timeNs"))
                .map(l -> Double.parseDouble(l.substring(0, l.indexOf(',')))).toList();
    }

    @Test
    void theCappedCsvIsAUniformSampleOfTheWholeRunAndChangesNoSimulatedNumber() throws IOException {
        Path all = run("all", "output.maxBackwardEvents=200000"); // every event of the 20 ms run
        Path sampled = run("sampled", "output.maxBackwardEvents=50");
        Path again = run("again", "output.maxBackwardEvents=50");

        assertThat(JSON.readTree(all.resolve("summary.json").toFile()).at("/backwardEventsCsv/total").asLong())
                .isEqualTo(eventTimes(all).size());
        assertThat(summaryWithoutCsv(sampled)).isEqualTo(summaryWithoutCsv(all));
        assertThat(Files.readString(sampled.resolve("read-trace.csv")))
                .isEqualTo(Files.readString(all.resolve("read-trace.csv")));
        assertThat(Files.readString(again.resolve("backward-events.csv")))
                .isEqualTo(Files.readString(sampled.resolve("backward-events.csv")));

        List<Double> times = eventTimes(sampled);
        assertThat(times).hasSize(100); // 50 per source, two sources, each in time order
        assertThat(times.subList(0, 50)).isSorted();
        assertThat(times.subList(50, 100)).isSorted();
        // the first 50 hand-offs happen in the first few µs; a sample of the run reaches its last quarter
        assertThat(times.stream().filter(t -> t > 0.75 * DURATION_NS)).isNotEmpty();
        assertThat(times.stream().filter(t -> t < 0.25 * DURATION_NS)).isNotEmpty();
        assertThat(eventTimes(all)).containsAll(times);
        assertThat(Files.readString(sampled.resolve("report.md")))
                .contains("holds a uniform sample of 100 of the ");
    }

    @Test
    void theTraceCarriesTheHandedOverStepItself() throws IOException {
        Path out = run("trace", "output.maxBackwardEvents=0");
        List<String> trace = Files.readAllLines(out.resolve("read-trace.csv"));
        List<String> header = List.of(trace.stream().filter(l -> l.startsWith("source,")).findFirst().orElseThrow()
                .split(","));
        int handedBack = header.indexOf("handedBackNs");
        int handedBy = header.indexOf("handedBy");
        List<String[]> handed = trace.stream().filter(l -> !l.startsWith("#") && !l.startsWith("source,"))
                .map(l -> l.split(",")).filter(f -> Double.parseDouble(f[handedBack]) > 0).toList();
        assertThat(handed).isNotEmpty().allSatisfy(f -> {
            assertThat(Double.parseDouble(f[handedBack])).isBetween(1800.0, 1900.0); // the 1.87 µs socket step
            assertThat(Integer.parseInt(f[handedBy])).isNotEqualTo(Integer.parseInt(f[1]));
        });
    }
}
