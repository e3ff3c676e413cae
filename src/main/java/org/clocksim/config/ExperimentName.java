package org.clocksim.config;

import java.util.regex.Pattern;

/**
 * An experiment's name is the default results directory, {@code results/NAME}, so it must be one safe
 * path segment: never {@code .} or {@code ..} (which would make the results directory {@code results/}
 * itself or the working directory), no separator, no control character, not hidden and not an option
 * (so no leading {@code .} or {@code -}: the hidden {@code .NAME.tmp-*} siblings are clocksim's own), and
 * short enough for every file system (255 bytes per segment, with room for those siblings' suffixes).
 */
final class ExperimentName {
    static final int MAX_LENGTH = 100;
    static final String RULE = "expected a name usable as one directory name: 1 to " + MAX_LENGTH
            + " letters, digits, '.', '_' or '-', starting with a letter, digit or '_'";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0," + (MAX_LENGTH - 1) + "}");
    private static final Pattern LEADING = Pattern.compile("^[.-]+");
    private static final Pattern UNSAFE_RUN = Pattern.compile("[^A-Za-z0-9._-]+");
    private static final String FALLBACK = "experiment";

    private ExperimentName() {
    }

    static boolean isSafe(String name) {
        return SAFE.matcher(name).matches();
    }

    /**
     * The default name for a config file's base name: each run of unsafe characters becomes one
     * {@code -}, leading dots and dashes go, truncated to the limit; {@code experiment} when nothing is left.
     */
    static String fromFileName(String baseName) {
        String name = LEADING.matcher(UNSAFE_RUN.matcher(baseName).replaceAll("-")).replaceAll("");
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH);
        }
        return isSafe(name) ? name : FALLBACK;
    }

    /** The name for an error message: control characters shown as escapes, long names shortened. */
    static String quoted(String name) {
        StringBuilder text = new StringBuilder();
        name.codePoints().limit(60).forEach(c -> {
            if (Character.isISOControl(c)) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return name.codePointCount(0, name.length()) > 60 ? text + "… (" + name.length() + " characters)" : text.toString();
    }
}
