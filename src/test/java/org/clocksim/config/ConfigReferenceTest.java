package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clocksim.ShippedExperimentFiles;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/CONFIG.md and the committed JSON Schema are what the schema generates, and they describe every key. */
class ConfigReferenceTest {
    private static final Path MARKDOWN = Path.of("docs/CONFIG.md");
    private static final Path JSON_SCHEMA = Path.of("docs/clocksim-experiment.schema.json");

    @Test
    void theCommittedReferenceIsNotStale() throws IOException {
        assertThat(Files.readString(MARKDOWN)).as("regenerate: ./clocksim schema > docs/CONFIG.md")
                .isEqualTo(ConfigReference.markdown());
        assertThat(Files.readString(JSON_SCHEMA))
                .as("regenerate: ./clocksim schema --format json > docs/clocksim-experiment.schema.json")
                .isEqualTo(ConfigReference.jsonSchema());
    }

    @Test
    void theReferenceNamesEveryKeyOfTheResolvedConfig() throws Exception {
        String reference = ConfigReference.markdown();
        Experiment experiment = Configs.load("duration: 1ms\nmachine: {tsc: {invariant: false}}\n"
                + "scheduler: {migration: {policy: ping-pong, interval: 1ms, cores: [0, 1]}}\n");
        JsonNode resolved = new ObjectMapper(new YAMLFactory()).readTree(ExperimentYaml.toYaml(experiment));
        forEachKey(resolved, "", (path, key) -> {
            if (!path.startsWith("sources.")) {
                assertThat(reference).as(path).contains("| `" + key + "` |");
            }
        });
    }

    static Stream<Path> experiments() {
        return ShippedExperimentFiles.all().stream();
    }

    /** Each key of each shipped experiment is a property the JSON Schema allows where it stands. */
    @ParameterizedTest
    @MethodSource("experiments")
    void theJsonSchemaAllowsEveryKeyOfTheShippedExperiments(Path file) throws IOException {
        JsonNode schema = new ObjectMapper().readTree(ConfigReference.jsonSchema());
        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        assertAllowed(schema, config, "");
    }

    private static void assertAllowed(JsonNode schema, JsonNode value, String path) {
        if (value.isObject() && schema.has("properties")) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode property = schema.path("properties").get(field.getKey());
                assertThat(property).as(path + "." + field.getKey() + " in the JSON Schema").isNotNull();
                assertAllowed(property, field.getValue(), path + "." + field.getKey());
            }
        } else if (value.isObject() && schema.path("additionalProperties").isObject()) {
            value.fields().forEachRemaining(field -> {
                assertThat(schema.path("propertyNames").path("enum").toString()).contains("\"" + field.getKey() + "\"");
                assertAllowed(schema.get("additionalProperties"), field.getValue(), path + "." + field.getKey());
            });
        } else if (value.isArray() && schema.path("items").isObject()) {
            value.forEach(item -> assertAllowed(schema.get("items"), item, path + "[]"));
        } else if (schema.has("enum") && value.isValueNode() && !value.isBoolean()) { // YAML 1.1 reads "off" as false
            assertThat(List.of(schema.get("enum").toString())).as(path).anySatisfy(e ->
                    assertThat(e).contains(value.isTextual() ? "\"" + value.asText() + "\"" : value.asText()));
        }
    }

    private interface KeyVisitor {
        void visit(String path, String key);
    }

    private static void forEachKey(JsonNode node, String path, KeyVisitor visitor) {
        node.fields().forEachRemaining(field -> {
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            visitor.visit(child, field.getKey());
            if (field.getValue().isObject() && !field.getValue().has(DistributionType.TYPE)) { // not into a distribution
                forEachKey(field.getValue(), child, visitor);
            }
        });
    }
}
