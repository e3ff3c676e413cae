package org.clocksim.config;

/**
 * One problem in a config, as the user sees it.
 *
 * @param file    the file name, or {@code --set key=value} for an override
 * @param line    1-based line, 0 when unknown
 * @param keyPath the key path, e.g. {@code machine.tsc.socketOffset[2]}; empty when none applies
 * @param message what is wrong and what is expected
 */
public record ConfigError(String file, int line, String keyPath, String message) {

    /** {@code file:line: key.path: message}, leaving out {@code :line} when 0 and the key path when empty. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (!keyPath.isEmpty()) {
            text.append(keyPath).append(": ");
        }
        return text.append(message).toString();
    }
}
