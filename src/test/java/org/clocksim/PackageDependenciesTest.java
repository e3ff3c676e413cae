package org.clocksim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The dependency direction of DESIGN.md, checked on the imports of src/main: the engine knows nothing of
 * clocks, the model packages only what is below them, config never the runner or the writers, and nothing
 * depends on the command line. A sub-package (report.chart) counts as its top-level package.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("src/main/java/org/clocksim");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.clocksim\\.([a-z]+)\\.", Pattern.MULTILINE);
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("engine", Set.of()),
            Map.entry("hw", Set.of("engine")),
            Map.entry("kernel", Set.of("engine", "hw")),
            Map.entry("source", Set.of("engine", "hw", "kernel")),
            Map.entry("observe", Set.of("engine", "hw", "kernel", "source")),
            Map.entry("workload", Set.of("engine", "kernel", "observe", "source")),
            Map.entry("experiment", Set.of("engine", "hw", "kernel", "source", "workload")),
            Map.entry("results", Set.of("kernel", "observe")),
            Map.entry("config", Set.of("engine", "experiment", "hw", "kernel", "observe", "results", "source",
                    "workload")),
            Map.entry("run", Set.of("engine", "experiment", "hw", "kernel", "observe", "source", "workload")),
            Map.entry("report", Set.of("engine", "experiment", "hw", "kernel", "observe", "results", "run", "source",
                    "workload")),
            Map.entry("check", Set.of("config", "experiment", "kernel", "report", "results")),
            Map.entry("sweep", Set.of("config", "engine", "experiment", "report", "results", "run")),
            Map.entry("calibrate", Set.of("config", "engine", "experiment", "kernel", "observe", "report", "results",
                    "run", "source")),
            Map.entry("cli", Set.of("calibrate", "check", "config", "engine", "experiment", "kernel", "observe", "report", "results",
                    "run", "source", "sweep", "workload")));

    static Stream<String> packages() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("packages")
    void importsOnlyWhatTheDesignAllows(String pkg) throws IOException {
        assertThat(ALLOWED).as("a rule for package " + pkg).containsKey(pkg);
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.remove(pkg);
        assertThat(used).as(pkg + " imports").isSubsetOf(ALLOWED.get(pkg));
    }
}
