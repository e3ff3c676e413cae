package org.clocksim.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A mapping in the config at its key path (empty when absent or not a mapping, the latter
 * reported). A null value ({@code key:} or {@code key: ~}) counts as absent.
 */
record Section(YamlNode.Mapping mapping, String path, Problems problems) {

    /** The root of a config file; a document that is not a mapping is reported. */
    static Section root(YamlNode root, Problems problems) {
        return of(new Field(root, "", problems), "the config");
    }

    /** The field as a mapping; {@code what} describes it when it is something else. */
    static Section of(Field field, String what) {
        YamlNode node = field.node();
        if (node instanceof YamlNode.Mapping mapping) {
            return new Section(mapping, field.path(), field.problems());
        }
        if (!(node instanceof YamlNode.Scalar scalar && scalar.isNull())) {
            field.error("expected " + what + " (a mapping of keys to values), got " + node.describe());
        }
        return new Section(new YamlNode.Mapping(List.of(), node.origin()), field.path(), field.problems());
    }

    /** The child mapping of a schema group, keeping only its keys (others reported). */
    Section section(Group group) {
        return section(group.name(), group.names());
    }

    /** A key's value read by its type, or its default when absent. */
    <T> Checked<T> value(Key<T> key) {
        return value(key.name(), key.type().reader(), key.defaultValue());
    }

    /** A key's value read by a reader that knows the rest of the config, or the key's default when absent. */
    <T> Checked<T> value(Key<T> key, Function<Field, Optional<T>> reader) {
        return value(key.name(), reader, key.defaultValue());
    }

    /** A key that must be present, read by its type; {@code fallback} stands in when it is missing or bad. */
    <T> Checked<T> required(Key<T> key, T fallback) {
        return required(key, key.type().reader(), fallback);
    }

    <T> Checked<T> required(Key<T> key, Function<Field, Optional<T>> reader, T fallback) {
        return required(key.name(), key.type().description(), reader, fallback);
    }

    /** The child mapping at {@code key}, keeping only {@code allowed} keys (others reported). */
    Section section(String key, List<String> allowed) {
        return section(key, "a mapping with keys " + String.join(", ", allowed)).allowOnly(allowed);
    }

    /** The child mapping at {@code key}, any keys; {@code what} describes it when it is not a mapping. */
    Section section(String key, String what) {
        return get(key).map(field -> of(field, what))
                .orElseGet(() -> new Section(new YamlNode.Mapping(List.of(), mapping.origin()),
                        KeyPaths.child(path, key), problems));
    }

    /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
    Section allowOnly(List<String> allowed) {
        for (YamlNode.Entry entry : mapping.entries()) {
            if (!allowed.contains(entry.key())) {
                problems.add(entry.keyOrigin(), KeyPaths.child(path, entry.key()),
                        "unknown key; " + DidYouMean.hint(entry.key(), allowed));
            }
        }
        return this;
    }

    /** The child mapping at {@code key} when there is one; empty (and nothing reported) otherwise. */
    Optional<Section> mappingAt(String key) {
        return get(key).filter(field -> field.node() instanceof YamlNode.Mapping).map(field -> of(field, ""));
    }

    /** The value at {@code key}, empty when absent or null. */
    Optional<Field> get(String key) {
        return mapping.entry(key)
                .filter(entry -> !(entry.value() instanceof YamlNode.Scalar s && s.isNull()))
                .map(entry -> new Field(entry.value(), KeyPaths.child(path, key), problems));
    }

    /** Where a key is written (the key's own line), or the mapping's location when absent. */
    Origin origin(String key) {
        return mapping.entry(key).map(YamlNode.Entry::keyOrigin).orElse(mapping.origin());
    }

    /** The value at {@code key} read by {@code reader}, or {@code fallback} when absent (valid) or bad (invalid). */
    <T> Checked<T> value(String key, Function<Field, Optional<T>> reader, T fallback) {
        Optional<Field> field = get(key);
        if (field.isEmpty()) {
            return Checked.ok(fallback);
        }
        return reader.apply(field.get()).map(Checked::ok).orElseGet(() -> Checked.invalid(fallback));
    }

    /** Like {@link #value} but a missing key is an error: "required; expected {@code expected}". */
    <T> Checked<T> required(String key, String expected, Function<Field, Optional<T>> reader, T fallback) {
        if (get(key).isEmpty()) {
            missing(key, "required; expected " + expected);
            return Checked.invalid(fallback);
        }
        return value(key, reader, fallback);
    }

    private void missing(String key, String message) {
        problems.add(mapping.origin(), KeyPaths.child(path, key), message);
    }

    /** Reports a problem with a key, at the key's line (the mapping's when absent). */
    void errorAt(String key, String message) {
        problems.add(origin(key), KeyPaths.child(path, key), message);
    }

    boolean has(String key) {
        return get(key).isPresent();
    }
}
