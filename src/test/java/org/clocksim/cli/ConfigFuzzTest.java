package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.clocksim.ShippedExperimentFiles;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.config.ExperimentYaml;
import org.clocksim.report.SummaryJson;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded mutations of the shipped experiments (values of every type and unit, extremes, missing, duplicate
 * and unknown keys, broken indentation, truncation, hostile bytes, {@code --set} paths): {@code validate}
 * answers each with exit 0 or 2, never 1 and never a stack trace, and every mutant that validates runs to
 * the end (shortened to a few milliseconds of simulated time).
 */
class ConfigFuzzTest {
    private static final long SEED = 20261201L;
    private static final int MUTANTS = 600;
    private static final Path EXPERIMENTS = Path.of("experiments");
    private static final List<String> VALUES = List.of("", "0", "-1", "1", "2", "-0", "0.5", "1e309", "NaN", ".inf",
            "9223372036854775807", "99999999999999999999", "-9223372036854775808", "0ps", "1ps", "0ns", "1ns",
            "1ms", "1000s", "1e9s", "-2us", "5000cycles", "1Hz", "1MHz", "100GHz", "0Hz", "-5ppm", "500ppm",
            "1e6ppm", "0/s", "1/s", "10/ps", "1e-30/s", "abc", "[]", "{}", "~", "null", "true", "false",
            "[1, 2, 3]", "[0ns, 0ns]", "{type: fixed, value: 0ns}", "{type: lognormal, median: 0ns, sigma: 5}",
            "{type: uniform, min: 2us, max: 1us}", "\"\\u0000\"", "\"a\\nb\"", "'..'", "'.'", "x".repeat(400),
            "&a [1]", "*a", "!!binary aGk=", "\"\\t\"", "2026-01-01T00:00:00Z", "auto", "on", "off", "reliable",
            "lock-handoff", "alternate", "all-pairs", "ping-pong", "inconsistency-check", "hpet", "acpi_pm",
            "rdtsc", "[rdtsc, rdtsc]", "[getcpu]", "[vdso-time, vdso-clock_gettime-coarse]");
    private static final List<String> JUNK = List.of("\t", "\u0000", "\uFEFF", "\u00e9", "%", "&", "*", "!", "|",
            ">", "---\n", "...\n", "? ", ": ", "- ", "#", "{", "[", "\"", "'", "\\");

    /** One mutant: a config text (or raw bytes), the overrides to apply, and how it was made. */
    record Mutant(String how, byte[] bytes, List<String> overrides) {
        @Override
        public String toString() {
            return how;
        }
    }

    @TempDir
    static Path tmp;

    private static final AtomicInteger VALID = new AtomicInteger();
    private static final AtomicInteger INVALID = new AtomicInteger();
    private static final AtomicInteger RAN = new AtomicInteger();

    /** The mutations must exercise both answers and the runs, or the test could pass vacuously. */
    @AfterAll
    static void bothAnswersAndRunsOccurred() {
        assertThat(INVALID.get()).as("mutants refused").isGreaterThan(MUTANTS / 4);
        assertThat(VALID.get()).as("mutants that validate").isGreaterThan(MUTANTS / 10);
        assertThat(RAN.get()).as("mutants run").isGreaterThan(MUTANTS / 10);
    }

    static Stream<Mutant> mutants() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : ShippedExperimentFiles.all()) {
            texts.add(Files.readString(file));
        }
        List<String> keyPaths = keyPaths(texts.get(0));
        SplittableRandom random = new SplittableRandom(SEED);
        List<Mutant> mutants = new ArrayList<>(hostileFiles(texts.get(0)));
        for (int i = mutants.size(); i < MUTANTS; i++) {
            String text = texts.get(random.nextInt(texts.size()));
            mutants.add(mutate(i, text, keyPaths, random));
        }
        return mutants.stream();
    }

    private static Mutant mutate(int i, String text, List<String> keyPaths, SplittableRandom random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int line = random.nextInt(lines.size());
        String value = VALUES.get(random.nextInt(VALUES.size()));
        String target = lines.get(line);
        int kind = random.nextInt(9);
        String how;
        List<String> overrides = List.of();
        switch (kind) {
            case 0 -> {
                int colon = target.lastIndexOf(": ");
                lines.set(line, colon < 0 ? target + value : target.substring(0, colon + 2) + value);
                how = "value";
            }
            case 1 -> {
                lines.remove(line);
                how = "delete";
            }
            case 2 -> {
                lines.add(line, target);
                how = "duplicate";
            }
            case 3 -> {
                lines.set(line, " ".repeat(random.nextInt(7)) + target.strip());
                how = "indent";
            }
            case 4 -> {
                lines.add(line, target.replaceAll("[A-Za-z]+:", "unknownKey" + i + ":"));
                how = "unknown-key";
            }
            case 5 -> {
                String joined = String.join("\n", lines);
                return new Mutant(i + " truncate", joined.substring(0, random.nextInt(joined.length() + 1))
                        .getBytes(StandardCharsets.UTF_8), List.of());
            }
            case 6 -> {
                int at = random.nextInt(target.length() + 1);
                lines.set(line, target.substring(0, at) + JUNK.get(random.nextInt(JUNK.size())) + target.substring(at));
                how = "junk";
            }
            case 7 -> {
                String path = keyPaths.get(random.nextInt(keyPaths.size()));
                overrides = List.of(path + "=" + value);
                how = "set " + path;
            }
            default -> {
                String path = keyPaths.get(random.nextInt(keyPaths.size()));
                String[] weird = {path + "[" + random.nextInt(5) + "]", path + ".x", path + "[99999999999]", "." + path,
                        path + "..", "=" + value, path, path.replace('.', '/'), "name", "sweep.parameters[0].key"};
                overrides = List.of(weird[random.nextInt(weird.length)] + (random.nextBoolean() ? "=" + value : ""));
                how = "set-path";
            }
        }
        return new Mutant(i + " " + how + " line " + (line + 1), String.join("\n", lines)
                .getBytes(StandardCharsets.UTF_8), overrides);
    }

    private static List<Mutant> hostileFiles(String quickstart) {
        byte[] notUtf8 = {'d', 'u', 'r', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nduration: 1ms\n";
        StringBuilder wide = new StringBuilder("duration: 1ms\n");
        for (int k = 0; k < 20_000; k++) {
            wide.append("k").append(k).append(": 1\n");
        }
        return List.of(new Mutant("empty file", new byte[0], List.of()),
                new Mutant("only a document marker", "---\n".getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("two documents", (quickstart + "\n---\n" + quickstart).getBytes(StandardCharsets.UTF_8),
                        List.of()),
                new Mutant("not UTF-8", notUtf8, List.of()),
                new Mutant("alias bomb", bomb.getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("20000 unknown keys", wide.toString().getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("deep nesting", ("duration: 1ms\nx: " + "[".repeat(3000) + "]".repeat(3000) + "\n")
                        .getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("a list at the top", "- duration: 1ms\n".getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("a scalar at the top", "1ms\n".getBytes(StandardCharsets.UTF_8), List.of()),
                new Mutant("binary", new byte[] {0, 1, 2, 3, (byte) 0xFF, (byte) 0xFE, 10}, List.of()));
    }

    /** Every key path of a resolved experiment (its experiment.yaml): where --set mutations aim. */
    private static List<String> keyPaths(String text) {
        try {
            Experiment experiment = ExperimentLoader.parse(text, "quickstart.yaml", List.of());
            JsonNode tree = new ObjectMapper(new YAMLFactory()).readTree(ExperimentYaml.toYaml(experiment));
            List<String> paths = new ArrayList<>();
            collect(tree, "", paths);
            return paths;
        } catch (ConfigException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
            }
        } else {
            paths.add(path);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void validateAnswersZeroOrTwoAndWhatValidatesRuns(Mutant mutant) throws IOException {
        Path file = tmp.resolve("mutant.yaml");
        Files.write(file, mutant.bytes());
        List<Object> args = new ArrayList<>(List.of("validate", file));
        mutant.overrides().forEach(override -> args.addAll(List.of("--set", override)));
        Cli cli = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run(args.toArray()),
                "validate hangs (a hang guard, not a speed target)");
        assertThat(cli.exitCode()).as(cli.err()).isIn(0, 2);
        assertThat(cli.err()).doesNotContain("\tat ").doesNotContain("internal error");
        if (cli.exitCode() == 2) {
            INVALID.incrementAndGet();
            assertThat(cli.err()).as("an error names the file or the override").containsAnyOf(file.toString(), "--set");
        } else {
            VALID.incrementAndGet();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> runShortened(file, mutant.overrides()),
                    "a config that validates must finish (a hang guard, not a speed target)");
        }
    }

    /** The mutant with its duration cut to 2 ms (when that still validates), run to the end. */
    private static void runShortened(Path file, List<String> overrides) {
        List<String> shortened = new ArrayList<>(overrides);
        shortened.add("duration=2ms");
        Experiment experiment;
        try {
            experiment = ExperimentLoader.load(file, shortened);
        } catch (ConfigException e) {
            return; // e.g. a scripted change after 2 ms: refused with its key, which is all we ask here
        }
        try {
            JsonNode summary = SummaryJson.toJson(new ExperimentRunner(1, ProgressListener.NONE).run(experiment, 0));
            assertThat(summary.path("durationNs").asLong()).isEqualTo(2_000_000L);
            RAN.incrementAndGet();
        } catch (UncheckedIOException e) {
            throw new AssertionError(e);
        }
    }
}
