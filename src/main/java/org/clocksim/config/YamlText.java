package org.clocksim.config;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small YAML text helpers: scalars that read back as the same string, flow lists. */
final class YamlText {
    private static final Pattern PLAIN =
            Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*");
    private static final List<String> RESERVED = List.of(
            "true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private YamlText() {
    }

    /** Plain when it is a simple word, otherwise double-quoted with escapes. */
    static String string(String text) {
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase())) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c == '\t') {
                quoted.append("\\t");
            } else if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static <T> String flowList(List<T> items, Function<T, String> format) {
        return items.stream().map(format).collect(Collectors.joining(", ", "[", "]"));
    }
}
