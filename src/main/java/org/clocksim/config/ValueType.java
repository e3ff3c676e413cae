package org.clocksim.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a config value is: how the reader converts it (reporting what was expected), how the resolved
 * experiment.yaml writes it back, and how the reference and the JSON Schema describe it.
 *
 * @param description what a value looks like, for the reference ("a duration such as 200ms")
 * @param reader      the conversion with its validity rule
 * @param writer      the canonical text of a value (reads back as the same value)
 * @param json        the value's JSON Schema (a fresh node each time)
 */
record ValueType<T>(String description, Function<Field, Optional<T>> reader, Function<T, String> writer,
                    Supplier<ObjectNode> json) {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The same type with a narrower rule (and its description). */
    ValueType<T> narrowed(String newDescription, Function<Field, Optional<T>> newReader) {
        return new ValueType<>(newDescription, newReader, writer, json);
    }

    /** A string matching {@code pattern}: how durations, frequencies and other values with units are checked. */
    static Supplier<ObjectNode> pattern(String pattern) {
        return () -> NODES.objectNode().put("type", "string").put("pattern", pattern);
    }

    static Supplier<ObjectNode> jsonType(String type) {
        return () -> NODES.objectNode().put("type", type);
    }

    static Supplier<ObjectNode> integer(long min, long max) {
        return () -> {
            ObjectNode node = NODES.objectNode().put("type", "integer").put("minimum", min);
            return max == Integer.MAX_VALUE ? node : node.put("maximum", max);
        };
    }

    static Supplier<ObjectNode> words(List<String> words) {
        return () -> {
            ObjectNode node = NODES.objectNode().put("type", "string");
            words.forEach(node.putArray("enum")::add);
            return node;
        };
    }

    /** A list of values of {@code item}. */
    static <T> ValueType<List<T>> listOf(ValueType<T> item) {
        return new ValueType<>("a list [a, b, ...], each " + item.description(), f -> f.list(-1, "", item.reader()),
                list -> YamlText.flowList(list, item.writer()), () -> {
                    ObjectNode node = NODES.objectNode().put("type", "array");
                    node.set("items", item.json().get());
                    return node;
                });
    }
}
