package org.clocksim.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every error of one load, so the user sees them all at once. */
final class Problems {
    private final List<ConfigError> errors = new ArrayList<>();

    void add(Origin origin, String keyPath, String message) {
        errors.add(new ConfigError(origin.file(), origin.line(), keyPath, message));
    }

    /**
     * Throws with every error collected so far: errors in the file by line, then those of
     * overrides (line 0) in the order found. Does nothing when there are none.
     */
    void throwIfAny() throws ConfigException {
        if (!errors.isEmpty()) {
            List<ConfigError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(e -> e.line() == 0 ? Integer.MAX_VALUE : e.line()));
            throw new ConfigException(sorted);
        }
    }
}
