package org.clocksim.config;

import java.util.List;
import java.util.Optional;

/** A parsed YAML value that remembers where it came from (unlike Jackson's JsonNode). */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {

    Origin origin();

    /** How the node reads in an error message: the scalar's text, or "a list" / "a mapping". */
    String describe();

    enum Kind { STRING, NUMBER, BOOLEAN, NULL }

    record Scalar(String text, Kind kind, Origin origin) implements YamlNode {
        boolean isNull() {
            return kind == Kind.NULL;
        }

        @Override
        public String describe() {
            return isNull() ? "nothing" : text;
        }
    }

    record Sequence(List<YamlNode> items, Origin origin) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    record Entry(String key, Origin keyOrigin, YamlNode value) {
    }

    record Mapping(List<Entry> entries, Origin origin) implements YamlNode {
        public Mapping {
            entries = List.copyOf(entries);
        }

        Optional<Entry> entry(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }
}
