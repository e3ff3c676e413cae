package org.clocksim.report.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.clocksim.results.ExpectFile;
import org.clocksim.results.SummaryFile;

/** Reads a results directory into {@link Results}. Only summary.json is required (read by {@link SummaryFile}). */
public final class ResultsFiles {
    public static final String SUMMARY = SummaryFile.NAME;
    public static final String SKEW = "skew.csv";
    public static final String BACKWARD_EVENTS = "backward-events.csv";
    public static final String READ_TRACE = "read-trace.csv";
    public static final String EXPERIMENT = "experiment.yaml";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ResultsFiles() {
    }

    static String latencyFile(String source) {
        return "latency-" + source + ".csv";
    }

    static Results read(Path dir) throws IOException {
        SummaryView summary = new SummaryView(SummaryFile.read(dir));
        List<Results.Skew> skew = Csv.read(dir.resolve(SKEW), r -> new Results.Skew(r.number("timeNs"),
                r.integer("core"), r.integer("socket"), r.number("offsetNs"), r.number("offsetFromCore0Ns")));
        List<Results.Backward> backward = Csv.read(dir.resolve(BACKWARD_EVENTS), r -> new Results.Backward(
                r.number("timeNs"), r.text("source"), r.text("kind"), r.integer("thread"), r.integer("previousThread"),
                r.integer("coreBefore"),
                r.integer("coreAfter"), r.number("magnitudeNs"), r.text("cause")));
        Map<String, List<Results.Latency>> latency = new LinkedHashMap<>();
        for (String source : summary.sourceIds()) {
            latency.put(source, Csv.read(dir.resolve(latencyFile(source)), r -> new Results.Latency(
                    r.number("percentile"), r.number("latencyNs"), Long.parseLong(r.text("totalCount")))));
        }
        List<Results.Trace> trace = Csv.read(dir.resolve(READ_TRACE), r -> new Results.Trace(r.text("source"),
                r.integer("thread"), r.number("timeNs"), r.number("readingNs"), r.number("errorNs"),
                r.integer("core"), r.flag("migrated"), r.flag("backward"), r.number("handedBackNs", 0),
                r.integer("handedBy", -1)));
        Path config = dir.resolve(EXPERIMENT);
        return new Results(summary, skew, backward, latency, trace, traceThread(config), ExpectFile.read(dir),
                bootNtpPpm(config));
    }

    /** {@code kernel.ntp.frequency} of the resolved config ("500ppm"), in ppm, if it has that key. */
    private static OptionalDouble bootNtpPpm(Path experimentYaml) throws IOException {
        if (!Files.isRegularFile(experimentYaml)) {
            return OptionalDouble.empty();
        }
        String value = YAML.readTree(experimentYaml.toFile()).path("kernel").path("ntp").path("frequency").asText("");
        return value.matches("[-+]?\\d+(\\.\\d+)?ppm")
                ? OptionalDouble.of(Double.parseDouble(value.substring(0, value.length() - 3))) : OptionalDouble.empty();
    }

    /** {@code output.traceThread} of the resolved config, if the config has that key. */
    private static OptionalInt traceThread(Path experimentYaml) throws IOException {
        if (!Files.isRegularFile(experimentYaml)) {
            return OptionalInt.empty();
        }
        JsonNode value = YAML.readTree(experimentYaml.toFile()).path("output").path("traceThread");
        return value.canConvertToInt() || value.isTextual() && value.asText().matches("\\d+")
                ? OptionalInt.of(value.asInt()) : OptionalInt.empty();
    }
}
