package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML block of README.md and docs/ is a config that validates: whole, or as a fragment
 * ({@code # fragment of experiments/X.yaml}) merged over that experiment; blocks that are not clocksim
 * configs say so in their first line.
 */
class DocumentedConfigsTest {
    private static final Pattern BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern FRAGMENT = Pattern.compile("# fragment of (\\S+)\n");
    private static final String NOT_A_CONFIG = "# not a clocksim config";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    record Block(String where, String text) {
        @Override
        public String toString() {
            return where;
        }
    }

    static Stream<Block> blocks() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Block> blocks = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                int line = (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
                blocks.add(new Block(file + ":" + line, block.group(1)));
            }
        }
        return blocks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void everyYamlBlockValidates(Block block) throws Exception {
        if (block.text().startsWith(NOT_A_CONFIG)) {
            return;
        }
        Matcher fragment = FRAGMENT.matcher(block.text());
        String config = block.text();
        if (fragment.lookingAt()) {
            ObjectNode base = (ObjectNode) YAML.readTree(Files.readString(Path.of(fragment.group(1))));
            merge(base, YAML.readTree(block.text()));
            config = YAML.writeValueAsString(base);
        }
        SweepLoader.parse(config, block.where(), List.of(), List.of(), null);
        assertThat(Expectations.parse(config, block.where(), List.of())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("blocks")
    void aFragmentNamesAnExistingExperiment(Block block) {
        Matcher fragment = FRAGMENT.matcher(block.text());
        if (fragment.lookingAt()) {
            assertThat(Path.of(fragment.group(1))).isRegularFile();
        }
    }

    /** The fragment's keys over the base's, mappings merged key by key. */
    private static void merge(ObjectNode base, JsonNode fragment) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = fragment.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode object && field.getValue().isObject()) {
                merge(object, field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }
}
