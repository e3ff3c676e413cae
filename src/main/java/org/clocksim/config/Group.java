package org.clocksim.config;

import java.util.List;

/**
 * A mapping of the config, a list of such mappings, or a mapping from ids to them (sources), with its
 * entries in the order the reference and experiment.yaml use.
 */
record Group(String name, String doc, Shape shape, List<SchemaEntry> entries) implements SchemaEntry {
    enum Shape {
        /** {@code name: {key: value, ...}} */
        MAPPING,
        /** {@code name: [{key: value, ...}, ...]} */
        LIST,
        /** {@code name: {ID: {key: value, ...}, ...}}: the ids are given by the reader (source ids) */
        BY_ID
    }

    Group {
        entries = List.copyOf(entries);
    }

    static Group mapping(String name, String doc, SchemaEntry... entries) {
        return new Group(name, doc, Shape.MAPPING, List.of(entries));
    }

    static Group list(String name, String doc, SchemaEntry... entries) {
        return new Group(name, doc, Shape.LIST, List.of(entries));
    }

    static Group byId(String name, String doc, SchemaEntry... entries) {
        return new Group(name, doc, Shape.BY_ID, List.of(entries));
    }

    /** The keys it allows. */
    List<String> names() {
        return entries.stream().map(SchemaEntry::name).toList();
    }
}
