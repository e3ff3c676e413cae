package org.clocksim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies {@code --set key.path=value} overrides to a parsed config tree. The path may index
 * lists ({@code machine.tsc.socketOffset[1]=5us}); the value is read as a YAML flow value
 * ({@code machine.tsc.socketOffset=[0ns, 0ns]}). Missing mappings on the way are created; the
 * override becomes the location of what it sets, so later errors point at it.
 */
final class Overrides {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z0-9_-]+)((?:\\[\\d+\\])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)\\]");

    private sealed interface Step permits Key, Index {
    }

    private record Key(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    /** An override that cannot be applied; the message is for the user. */
    private static final class BadOverride extends Exception {
        private static final long serialVersionUID = 1L;
        private final String keyPath;

        BadOverride(String keyPath, String message) {
            super(message, null, false, false);
            this.keyPath = keyPath;
        }
    }

    private final Problems problems;

    private Overrides(Problems problems) {
        this.problems = problems;
    }

    /** The tree with every applicable override applied, in order; the others are reported. */
    static YamlNode apply(YamlNode root, List<String> overrides, Problems problems) {
        Overrides applier = new Overrides(problems);
        YamlNode result = root;
        for (String assignment : overrides) {
            result = applier.applyOne(result, assignment);
        }
        return result;
    }

    private YamlNode applyOne(YamlNode root, String assignment) {
        Origin origin = Origin.override(assignment);
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            problems.add(origin, "", "expected key.path=value");
            return root;
        }
        String path = assignment.substring(0, equals).strip();
        try {
            List<Step> steps = steps(path);
            YamlNode value = YamlTreeParser.parseOverrideValue(
                    assignment.substring(equals + 1), assignment, path, problems);
            return set(root, steps, 0, "", value, origin);
        } catch (BadOverride e) {
            problems.add(origin, e.keyPath, e.getMessage());
        } catch (ConfigException e) {
            e.errors().forEach(error -> problems.add(origin, error.keyPath(), error.message()));
        }
        return root;
    }

    private static List<Step> steps(String path) throws BadOverride {
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher segment = SEGMENT.matcher(part);
            if (!segment.matches()) {
                throw new BadOverride(path, "not a key path; expected keys separated by dots, "
                        + "lists indexed by [n], e.g. machine.tsc.socketOffset[1]");
            }
            steps.add(new Key(segment.group(1)));
            Matcher index = INDEX.matcher(segment.group(2));
            while (index.find()) {
                steps.add(new Index(index(path, index.group(1))));
            }
        }
        return steps;
    }

    /** A list index; one too large for any list is reported as out of range, not as a number format. */
    private static int index(String path, String digits) throws BadOverride {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new BadOverride(path, "index out of range: [" + digits + "] is larger than any list");
        }
    }

    /** {@code current} (null when absent) with {@code value} put at {@code steps[i..]}. */
    private static YamlNode set(YamlNode current, List<Step> steps, int i, String path, YamlNode value,
                                Origin origin) throws BadOverride {
        if (i == steps.size()) {
            return value;
        }
        Step step = steps.get(i);
        if (step instanceof Key key) {
            return setKey(current, key.name(), steps, i, path, value, origin);
        }
        int index = ((Index) step).index();
        String itemPath = KeyPaths.index(path, index);
        if (!(current instanceof YamlNode.Sequence sequence)) {
            throw new BadOverride(itemPath, path + " is not a list, so it cannot be indexed");
        }
        if (index >= sequence.items().size()) {
            throw new BadOverride(itemPath, "index out of range; " + path + " has "
                    + sequence.items().size() + " entries");
        }
        List<YamlNode> items = new ArrayList<>(sequence.items());
        items.set(index, set(items.get(index), steps, i + 1, itemPath, value, origin));
        return new YamlNode.Sequence(items, sequence.origin());
    }

    private static YamlNode setKey(YamlNode current, String key, List<Step> steps, int i, String path,
                                   YamlNode value, Origin origin) throws BadOverride {
        String keyPath = KeyPaths.child(path, key);
        YamlNode.Mapping mapping;
        if (current == null || current instanceof YamlNode.Scalar scalar && scalar.isNull()) {
            mapping = new YamlNode.Mapping(List.of(), origin);
        } else if (current instanceof YamlNode.Mapping existing) {
            mapping = existing;
        } else {
            throw new BadOverride(keyPath, (path.isEmpty() ? "the config" : path)
                    + " is " + current.describe() + ", not a mapping, so it has no key '" + key + "'");
        }
        List<YamlNode.Entry> entries = new ArrayList<>(mapping.entries());
        for (int e = 0; e < entries.size(); e++) {
            YamlNode.Entry entry = entries.get(e);
            if (entry.key().equals(key)) {
                entries.set(e, new YamlNode.Entry(key, entry.keyOrigin(),
                        set(entry.value(), steps, i + 1, keyPath, value, origin)));
                return new YamlNode.Mapping(entries, mapping.origin());
            }
        }
        entries.add(new YamlNode.Entry(key, origin, set(null, steps, i + 1, keyPath, value, origin)));
        return new YamlNode.Mapping(entries, mapping.origin());
    }
}
