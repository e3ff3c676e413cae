package org.clocksim.config;

/**
 * One config key, defined once: its name, the kind of value it holds, its default and what it means.
 * Readers read it, the resolved experiment.yaml writes it, the reference and the JSON Schema describe it.
 *
 * @param defaultValue the value when the key is absent (null when it is required or depends on other keys)
 * @param defaultText  the default as the reference shows it
 */
record Key<T>(String name, ValueType<T> type, T defaultValue, String defaultText, String doc) implements SchemaEntry {
    static final String REQUIRED = "required";

    static <T> Key<T> of(String name, ValueType<T> type, T defaultValue, String doc) {
        return new Key<>(name, type, defaultValue, type.writer().apply(defaultValue), doc);
    }

    /** A key whose default depends on other keys: the reference says how, in words. */
    static <T> Key<T> derived(String name, ValueType<T> type, String defaultText, String doc) {
        return new Key<>(name, type, null, defaultText, doc);
    }

    static <T> Key<T> required(String name, ValueType<T> type, String doc) {
        return new Key<>(name, type, null, REQUIRED, doc);
    }

    /** The value's canonical text, as experiment.yaml writes it. */
    String write(T value) {
        return type.writer().apply(value);
    }
}
