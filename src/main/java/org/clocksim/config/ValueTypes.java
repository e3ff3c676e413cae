package org.clocksim.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.NtpSpec;

/** The kinds of config value, each defined once: its reader with its rule, its writer, its description. */
final class ValueTypes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static final ValueType<Long> DURATION = new ValueType<>("a duration such as 200ms, 3us, 12.6ns",
            Field::durationPs, Units::formatDuration, ValueType.pattern(Units.DURATION_SYNTAX));
    static final ValueType<Long> POSITIVE_DURATION = DURATION.narrowed("a duration > 0 such as 200ms",
            Field::positiveDurationPs);
    /** {@code auto} is 0: the kernel's own value. */
    static final ValueType<Long> DURATION_OR_AUTO = new ValueType<>("auto, or a duration > 0",
            Field::durationOrAuto, ps -> ps == 0 ? ExperimentReader.AUTO : Units.formatDuration(ps),
            () -> autoOr(ValueType.pattern(Units.DURATION_SYNTAX).get()));
    static final ValueType<Double> BOUNDED_PPM = new ValueType<>("parts per million within ±1000000ppm, such as 30ppm",
            Field::boundedPpm, Units::formatPpm, ValueType.pattern(Units.PPM_SYNTAX));
    static final ValueType<Double> NON_NEGATIVE_PPM = BOUNDED_PPM.narrowed("parts per million >= 0",
            f -> f.ppm().filter(ppm -> f.check(ppm >= 0, "expected ppm >= 0")));
    static final ValueType<Double> COUNTER_FREQUENCY = new ValueType<>("a frequency in [1MHz, 100GHz] such as 2.4GHz",
            Field::counterFrequencyHz, Units::formatFrequency, ValueType.pattern(Units.FREQUENCY_SYNTAX));
    static final ValueType<Double> RATE = new ValueType<>("a rate > 0 such as 2000/s, 2/ms",
            f -> f.parsed(Units::parseRatePerSecond), Units::formatRate, ValueType.pattern(Units.RATE_SYNTAX));
    static final ValueType<Boolean> BOOLEAN = new ValueType<>("true or false", Field::bool, b -> Boolean.toString(b),
            ValueType.jsonType("boolean"));
    static final ValueType<String> TEXT = new ValueType<>("text", Field::text, YamlText::string,
            ValueType.jsonType("string"));
    static final ValueType<Long> LONG = new ValueType<>("an integer", f -> f.longValue("expected an integer"),
            l -> Long.toString(l), ValueType.jsonType("integer"));
    static final ValueType<Distribution> DISTRIBUTION = new ValueType<>(
            "a duration, or a distribution such as {type: lognormal, median: 12.6ns, sigma: 0.1}",
            DistributionReader::read, ExperimentYaml::distribution, ValueTypes::distributionSchema);

    /** adjtimex refuses a frequency beyond ±500 ppm (KERNEL-FACTS.md §2). */
    static final ValueType<Double> NTP_PPM = BOUNDED_PPM.narrowed("parts per million within ±500ppm",
            f -> f.ppm().filter(ppm -> Math.abs(ppm) <= NtpSpec.MAX_PPM
                    || f.reject("expected ppm within ±500ppm (the kernel's NTP limit), got " + Units.formatPpm(ppm))));
    static final ValueType<Long> INSTANT = new ValueType<>("an instant such as 2026-01-01T00:00:00Z",
            ValueTypes::instantNs, ns -> YamlText.string(Instant.ofEpochSecond(0, ns).toString()),
            () -> NODES.objectNode().put("type", "string").put("format", "date-time"));

    /** A kernel release within the modelled ones (KernelRules). */
    static final ValueType<KernelVersion> KERNEL_VERSION = new ValueType<>(
            "a kernel release X.Y or X.Y.Z from " + KernelRules.OLDEST + " to " + KernelRules.NEWEST,
            f -> f.parsed(KernelVersion::parse).filter(v -> !v.isBefore(KernelRules.OLDEST)
                    && !KernelRules.NEWEST.isBefore(v.release()) || f.reject("clocksim models releases " + KernelRules.OLDEST
                    + " to " + KernelRules.NEWEST + ", got " + v + (v.isBefore(KernelRules.OLDEST)
                    ? " (" + KernelRules.BEFORE_OLDEST + ")" : ""))),
            v -> YamlText.string(v.toString()), ValueType.pattern("^[0-9]+\\.[0-9]+(\\.[0-9]+)?$"));

    private ValueTypes() {
    }

    /** An offset: a signed duration, or cycles converted at the TSC's nominal frequency. */
    static ValueType<Long> offset(double frequencyHz) {
        return new ValueType<>("an offset such as 2us, -500ns, 5000cycles",
                f -> f.parsed(text -> Units.parseOffsetPs(text, frequencyHz)), Units::formatDuration,
                ValueType.pattern(Units.OFFSET_SYNTAX));
    }

    /** One of a few integers, such as the tick rates. */
    static ValueType<Integer> oneOfIntegers(List<Integer> allowed) {
        String expected = "one of " + allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return new ValueType<>(expected, f -> f.longValue("expected " + expected)
                .filter(x -> allowed.contains((int) (long) x) || f.reject("expected " + expected + ", got " + x))
                .map(Long::intValue), i -> Integer.toString(i), () -> {
                    ObjectNode node = NODES.objectNode().put("type", "integer");
                    allowed.forEach(node.putArray("enum")::add);
                    return node;
                });
    }

    /**
     * A value whose rule needs the rest of the config (a core index needs the machine): its reader is
     * given where it is read, so this one must never run.
     */
    static <T> ValueType<T> contextual(String description, Function<T, String> writer, ObjectNode json) {
        return new ValueType<>(description, f -> {
            throw new IllegalStateException(f.path() + " is read with the rest of the config");
        }, writer, json::deepCopy);
    }

    /** {@code auto} or an integer >= 0 (in JSON Schema terms). */
    static ObjectNode autoOr(ObjectNode value) {
        return anyOf(NODES.objectNode().put("const", ExperimentReader.AUTO), value);
    }

    /** A word or a list of integers >= 0 (in JSON Schema terms). */
    static ObjectNode wordOrIndices(String word) {
        ObjectNode list = NODES.objectNode().put("type", "array");
        list.putObject("items").put("type", "integer").put("minimum", 0);
        return anyOf(NODES.objectNode().put("const", word), list);
    }

    static ValueType<Integer> integerAtLeast(int min) {
        return new ValueType<>("an integer >= " + min, f -> f.integerAtLeast(min), i -> Integer.toString(i),
                ValueType.integer(min, Integer.MAX_VALUE));
    }

    static ValueType<Integer> integerIn(int min, int max) {
        String expected = "an integer in [" + min + ", " + max + "]";
        return new ValueType<>(expected, f -> f.integerIn(min, max, expected), i -> Integer.toString(i),
                ValueType.integer(min, max));
    }

    static ValueType<Double> numberBetween(double min, double max) {
        return new ValueType<>("a number in [" + Units.formatNumber(min) + ", " + Units.formatNumber(max) + "]",
                f -> f.numberBetween(min, max), Units::formatNumber, () -> NODES.objectNode().put("type", "number")
                        .put("minimum", min).put("maximum", max));
    }

    static ValueType<Double> number() {
        return new ValueType<>("a number", Field::number, Units::formatNumber, ValueType.jsonType("number"));
    }

    /** One of an enum's ids; {@code what} names it in errors ("migration policy"). */
    static <E extends Enum<E>> ValueType<E> oneOf(String what, E[] values, Function<E, String> id) {
        List<String> ids = Arrays.stream(values).map(id).toList();
        return new ValueType<>("one of " + String.join(", ", ids), f -> f.oneOf(what, values, id), id,
                ValueType.words(ids));
    }

    /** One of the given words. */
    static ValueType<String> word(String what, List<String> words) {
        return new ValueType<>("one of " + String.join(", ", words), f -> f.word(what, words), Function.identity(),
                ValueType.words(words));
    }

    /** Any value the reader at the call site checks (a condition, a sweep value): described, not typed. */
    static ValueType<String> described(String description) {
        return new ValueType<>(description, Field::text, Function.identity(), () -> NODES.objectNode());
    }

    private static ObjectNode anyOf(ObjectNode... alternatives) {
        ObjectNode node = NODES.objectNode();
        ArrayNode anyOf = node.putArray("anyOf");
        Arrays.stream(alternatives).forEach(anyOf::add);
        return node;
    }

    private static ObjectNode distributionSchema() {
        ObjectNode map = NODES.objectNode().put("type", "object");
        ObjectNode properties = map.putObject("properties");
        ObjectNode types = properties.putObject(DistributionType.TYPE).put("type", "string");
        Arrays.stream(DistributionType.values()).map(DistributionType::id).forEach(types.putArray("enum")::add);
        for (String duration : List.of("value", "mean", "min", "max", "median", DistributionType.TAIL_MEAN)) {
            properties.set(duration, ValueType.pattern(Units.DURATION_SYNTAX).get());
        }
        properties.putObject("sigma").put("type", "number").put("minimum", 0);
        properties.putObject(DistributionType.TAIL_PROBABILITY).put("type", "number").put("minimum", 0).put("maximum", 1);
        map.putArray("required").add(DistributionType.TYPE);
        map.put("additionalProperties", false);
        return anyOf(ValueType.pattern(Units.DURATION_SYNTAX).get(), map);
    }

    private static Optional<Long> instantNs(Field field) {
        return field.text().flatMap(text -> {
            try {
                return Optional.of(KernelReader.instantNs(text));
            } catch (DateTimeParseException e) {
                field.error("expected an instant such as " + ConfigSchema.Kernel.DEFAULT_WALL_CLOCK + ", got " + text);
                return Optional.empty();
            }
        });
    }
}
