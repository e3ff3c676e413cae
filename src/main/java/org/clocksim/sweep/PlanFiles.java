package org.clocksim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.ConfigException;
import org.clocksim.config.SweepLoader;
import org.clocksim.config.SweepParameter;
import org.clocksim.config.SweepPlan;
import org.clocksim.config.WorkLimits;
import org.clocksim.report.out.UnusablePathException;
import org.clocksim.results.ResultsJson;

/**
 * The inputs of a sweep, kept in its results directory (the config's text and the arguments), so
 * that {@code merge} and {@code --resume} rebuild exactly the same plan. No path is recorded as
 * typed: of the config's path only its file name is kept (it gives the experiment's default name),
 * so the same sweep writes the same bytes from any working directory.
 */
final class PlanFiles {
    private static final ObjectMapper JSON = ResultsJson.MAPPER;

    private PlanFiles() {
    }

    static void write(SweepPlan plan, Path dir) throws IOException {
        Files.writeString(dir.resolve(SweepLayout.PLAN_CONFIG), plan.yamlText(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(SweepLayout.PLAN_ARGUMENTS), arguments(plan), StandardCharsets.UTF_8);
    }

    /** The arguments as written: the same plan gives the same bytes. */
    static String arguments(SweepPlan plan) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("sourceName", fileName(plan.sourceName()));
        plan.overrides().forEach(root.putArray("overrides")::add);
        var parameters = root.putArray("parameters");
        for (SweepParameter parameter : plan.parameters()) {
            parameters.add(parameter.key() + "=" + String.join(",", parameter.values()));
        }
        root.put("replications", plan.replications());
        return JSON.writeValueAsString(root) + "\n";
    }

    /** The file name of a config path as typed ({@code ../x/qs.yaml} → {@code qs.yaml}). */
    static String fileName(String sourceName) {
        return sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepLayout.PLAN_CONFIG))
                && Files.isRegularFile(dir.resolve(SweepLayout.PLAN_ARGUMENTS));
    }

    /** The plan a sweep directory was made from. */
    static SweepPlan read(Path dir) throws IOException, ConfigException {
        if (!present(dir)) {
            throw new UnusablePathException(dir + " is not a sweep's results directory (no " + SweepLayout.PLAN_CONFIG
                    + ")");
        }
        String text = Files.readString(dir.resolve(SweepLayout.PLAN_CONFIG));
        JsonNode arguments = JSON.readTree(dir.resolve(SweepLayout.PLAN_ARGUMENTS).toFile());
        return SweepLoader.parse(text, arguments.get("sourceName").asText(), strings(arguments.get("overrides")),
                strings(arguments.get("parameters")), arguments.get("replications").asInt(),
                WorkLimits.NONE); // validated, with the limits it was given, when the sweep started
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
