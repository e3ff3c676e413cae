package org.clocksim.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree, recording each node's line from the Jackson
 * YAML parser's token locations. Duplicate keys are reported; malformed YAML stops the parse, and
 * so does nesting deeper than {@link #MAX_DEPTH} (no config needs more than six levels; the limit
 * keeps the recursion here and in every reader of the tree far from the stack's end).
 */
final class YamlTreeParser {
    /** The deepest nesting of mappings and lists a config may have (documented in the README). */
    static final int MAX_DEPTH = 64;
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private final String file;
    private final boolean keepLines;
    private final String pathPrefix;
    private final Problems problems;

    private YamlTreeParser(String file, boolean keepLines, String pathPrefix, Problems problems) {
        this.file = file;
        this.keepLines = keepLines;
        this.pathPrefix = pathPrefix;
        this.problems = problems;
    }

    /**
     * Parses a config file's text; an empty document is a null scalar.
     *
     * @throws ConfigException if the text is not well-formed YAML
     */
    static YamlNode parseFile(String text, String file, Problems problems) throws ConfigException {
        return new YamlTreeParser(file, true, "", problems).parse(text);
    }

    /**
     * Parses the value of an override, which becomes the location of every node in it.
     *
     * @param assignment the whole override, {@code key.path=value}
     * @param keyPath    where the value goes, for errors inside it
     */
    static YamlNode parseOverrideValue(String value, String assignment, String keyPath, Problems problems)
            throws ConfigException {
        return new YamlTreeParser(Origin.override(assignment).file(), false, keyPath, problems).parse(value);
    }

    private YamlNode parse(String text) throws ConfigException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new YamlNode.Scalar("", YamlNode.Kind.NULL, origin(1));
            }
            YamlNode root = node(parser, pathPrefix, 0);
            if (parser.nextToken() != null) {
                throw malformed(line(parser.currentTokenLocation()), "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
                String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
                throw malformed(yaml.getProblemMark().getLine() + 1, context + firstLine(yaml.getProblem()));
            }
            JsonLocation location = e.getLocation();
            throw malformed(location == null ? 0 : line(location), firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading YAML from a string", e);
        }
    }

    private YamlNode node(JsonParser parser, String path, int depth) throws IOException, ConfigException {
        Origin origin = origin(line(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        if (depth >= MAX_DEPTH && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            throw new ConfigException(List.of(new ConfigError(origin.file(), origin.line(), path,
                    "nested deeper than " + MAX_DEPTH + " levels of mappings and lists (the limit)")));
        }
        switch (token) {
            case START_OBJECT:
                return mapping(parser, path, origin, depth + 1);
            case START_ARRAY:
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(parser, KeyPaths.index(path, items.size()), depth + 1));
                }
                return new YamlNode.Sequence(items, origin);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Kind.NUMBER, origin);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Kind.BOOLEAN, origin);
            case VALUE_NULL:
                return new YamlNode.Scalar("", YamlNode.Kind.NULL, origin);
            default:
                return new YamlNode.Scalar(parser.getText(), YamlNode.Kind.STRING, origin);
        }
    }

    private YamlNode mapping(JsonParser parser, String path, Origin origin, int depth)
            throws IOException, ConfigException {
        List<YamlNode.Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Origin keyOrigin = origin(line(parser.currentTokenLocation()));
            String keyPath = KeyPaths.child(path, key);
            parser.nextToken();
            YamlNode value = node(parser, keyPath, depth);
            if (seen.add(key)) {
                entries.add(new YamlNode.Entry(key, keyOrigin, value));
            } else {
                problems.add(keyOrigin, keyPath, "duplicate key");
            }
        }
        return new YamlNode.Mapping(entries, origin);
    }

    private Origin origin(int line) {
        return new Origin(file, keepLines ? line : 0);
    }

    private static int line(JsonLocation location) {
        return Math.max(0, location.getLineNr());
    }

    private ConfigException malformed(int line, String detail) {
        return new ConfigException(List.of(new ConfigError(file, keepLines ? line : 0, pathPrefix,
                "malformed YAML: " + detail)));
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
