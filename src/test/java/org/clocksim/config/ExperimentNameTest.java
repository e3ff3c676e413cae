package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The name is the default results directory, results/NAME: one safe path segment, checked by validate. */
class ExperimentNameTest {

    static List<String> unsafeNames() {
        return List.of(".", "..", "a/b", "a\\\\b", "/", "../x", "a\\u0000b", "a\\nb", "tab\\there", "a b", "é",
                "x".repeat(ExperimentName.MAX_LENGTH + 1), "", ".hidden", "-rf");
    }

    @ParameterizedTest
    @MethodSource("unsafeNames")
    void anUnsafeNameIsRefused(String yamlName) {
        assertThat(errors("name: \"" + yamlName + "\"\nduration: 1s\n"))
                .singleElement().asString().startsWith("x.yaml:1: name: expected a name usable as one directory name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "a/b", ""})
    void anUnsafeNameIsRefusedFromTheCommandLineToo(String name) {
        assertThat(errors("duration: 1s\n", "name=\"" + name + "\"")).singleElement().asString()
                .startsWith("--set name=").contains("name: expected a name usable as one directory name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "a.b_c-1", "x.", "_x", "ABC123"})
    void aSafeNameIsKept(String name) {
        assertThat(load("name: " + name + "\nduration: 1s\n").name()).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource({"experiments/two.yaml, two", "..yaml, experiment", "'my run (2).yaml', my-run-2-",
            "dir/.hidden.yaml, hidden", "'--.yaml', experiment", "'ü.yaml', experiment", "'a\tb.yaml', a-b"})
    void theDefaultNameFromTheFileIsMadeSafe(String file, String expected) {
        assertThat(ExperimentLoader.baseName(file)).isEqualTo(expected);
        assertThat(ExperimentName.isSafe(ExperimentLoader.baseName(file))).isTrue();
    }

    @Test
    void aLongFileNameIsTruncatedToTheLimit() {
        String name = ExperimentLoader.baseName("x".repeat(300) + ".yaml");
        assertThat(name).hasSize(ExperimentName.MAX_LENGTH);
        assertThat(ExperimentName.isSafe(name)).isTrue();
    }
}
