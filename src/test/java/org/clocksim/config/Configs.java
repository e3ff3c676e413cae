package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import org.clocksim.experiment.Experiment;

/** Test helpers: load YAML text as x.yaml, or collect the errors it gives. */
final class Configs {

    private Configs() {
    }

    static Experiment load(String yaml, String... overrides) {
        try {
            return ExperimentLoader.parse(yaml, "x.yaml", List.of(overrides));
        } catch (ConfigException e) {
            throw new AssertionError("expected the config to load, got:\n" + e.getMessage(), e);
        }
    }

    /** Every error as the user sees it ({@code file:line: key.path: message}). */
    static List<String> errors(String yaml, String... overrides) {
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> {
            try {
                ExperimentLoader.parse(yaml, "x.yaml", List.of(overrides));
            } catch (ConfigException e) {
                caught[0] = e;
                throw e;
            }
        }).isInstanceOf(ConfigException.class);
        return caught[0].errors().stream().map(ConfigError::toString).collect(Collectors.toList());
    }
}
