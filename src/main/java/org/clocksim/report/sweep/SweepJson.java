package org.clocksim.report.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads DIR/sweep.json into a {@link Sweep}; unknown fields are ignored, so the engine may add more. */
final class SweepJson {
    static final String FILE = "sweep.json";

    private SweepJson() {
    }

    static Sweep read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a sweep results directory (no " + FILE + "): " + dir);
        }
        return parse(new ObjectMapper().readTree(file.toFile()));
    }

    static Sweep parse(JsonNode json) {
        List<Sweep.Parameter> parameters = new ArrayList<>();
        for (JsonNode p : json.path("parameters")) {
            List<String> values = new ArrayList<>();
            p.path("values").forEach(v -> values.add(v.asText()));
            parameters.add(new Sweep.Parameter(p.path("key").asText(), List.copyOf(values)));
        }
        if (parameters.isEmpty() || parameters.size() > 2) {
            throw new IllegalArgumentException("sweep.json must have one or two parameters, has " + parameters.size());
        }
        List<Sweep.Point> points = new ArrayList<>();
        for (JsonNode p : json.path("points")) {
            points.add(point(p));
        }
        return new Sweep(json.path("experiment").asText("?"), json.path("description").asText(""),
                json.path("seed").asLong(), json.path("replications").asInt(1),
                json.path("confidenceLevel").asDouble(0.95), List.copyOf(parameters),
                strings(json.path("units")), List.copyOf(points), closedForm(json.path("closedForm")));
    }

    private static Sweep.Point point(JsonNode p) {
        Map<String, Double> numeric = new LinkedHashMap<>();
        fields(p.path("numericValues")).forEach((k, v) -> numeric.put(k, v.asDouble()));
        Map<String, Map<String, Sweep.Estimate>> metrics = new LinkedHashMap<>();
        fields(p.path("metrics")).forEach((source, byMetric) -> {
            Map<String, Sweep.Estimate> estimates = new LinkedHashMap<>();
            fields(byMetric).forEach((metric, e) -> estimates.put(metric, new Sweep.Estimate(e.path("mean").asDouble(),
                    e.path("ciLow").asDouble(), e.path("ciHigh").asDouble(), e.path("n").asInt())));
            metrics.put(source, estimates);
        });
        return new Sweep.Point(p.path("index").asInt(), p.path("directory").asText(), p.path("hash").asText(),
                strings(p.path("values")), numeric, metrics);
    }

    private static Optional<Sweep.ClosedForm> closedForm(JsonNode c) {
        if (c.isMissingNode() || c.isNull()) {
            return Optional.empty();
        }
        JsonNode points = c.path("points");
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            x[i] = points.get(i).get(0).asDouble();
            y[i] = points.get(i).get(1).asDouble();
        }
        return Optional.of(new Sweep.ClosedForm(c.path("metric").asText(), c.path("source").asText(),
                c.path("label").asText("closed form"), x, y));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        fields(object).forEach((k, v) -> out.put(k, v.asText()));
        return out;
    }

    private static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }
}
