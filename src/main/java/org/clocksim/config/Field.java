package org.clocksim.config;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One config value at its key path. Each conversion returns the value, or reports what was
 * expected (with the value's file and line) and returns empty.
 */
record Field(YamlNode node, String path, Problems problems) {
    private static final double MIN_COUNTER_HZ = 1e6;
    private static final double MAX_COUNTER_HZ = 1e11;

    void error(String message) {
        problems.add(node.origin(), path, message);
    }

    /** The text of a scalar; anything else is reported. */
    Optional<String> text() {
        if (node instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            return Optional.of(scalar.text());
        }
        error("expected a single value, got " + node.describe());
        return Optional.empty();
    }

    /** The text converted by a parser whose {@link IllegalArgumentException} message is for the user. */
    <T> Optional<T> parsed(Function<String, T> parser) {
        return text().flatMap(text -> {
            try {
                return Optional.of(parser.apply(text));
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A duration of at most {@link Units#MAX_DURATION_PS}, so that sums of times cannot overflow. */
    Optional<Long> durationPs() {
        return parsed(Units::parseDurationPs).filter(ps -> check(ps <= Units.MAX_DURATION_PS,
                "expected a duration of at most 7 days (" + Units.formatDuration(Units.MAX_DURATION_PS) + ")"));
    }

    Optional<Long> positiveDurationPs() {
        return durationPs().filter(ps -> check(ps > 0, "expected a duration > 0"));
    }

    /**
     * The frequency of a counter (a TSC, HPET, ACPI PM timer or P-state), within [1MHz, 100GHz]: below a
     * megahertz a counter advances by a handful of cycles per tick, so the kernel's tick interval
     * (f / HZ cycles) and mult/shift lose their meaning; real TSCs run at 0.1 to 5 GHz, HPETs at >= 10 MHz.
     */
    Optional<Double> counterFrequencyHz() {
        return parsed(Units::parseFrequencyHz).filter(hz -> check(hz >= MIN_COUNTER_HZ && hz <= MAX_COUNTER_HZ,
                "expected a counter frequency in [1MHz, 100GHz]"));
    }

    Optional<Double> ppm() {
        return parsed(Units::parsePpm);
    }

    /** Ppm within the sanity bound |x| <= 1e6 (a million ppm would stop or double a clock). */
    Optional<Double> boundedPpm() {
        return ppm().filter(ppm -> check(Math.abs(ppm) <= 1_000_000, "expected ppm within ±1000000ppm"));
    }

    /** A plain number (no unit), such as 0.1. */
    Optional<Double> number() {
        return parsed(text -> {
            try {
                double value = new BigDecimal(text.strip()).doubleValue() + 0.0;
                if (Double.isInfinite(value)) {
                    throw new NumberFormatException("too large");
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number such as 0.1, got '" + text + "'", e);
            }
        });
    }

    Optional<Double> numberBetween(double min, double max) {
        return number().filter(x -> check(x >= min && x <= max,
                "expected a number in [" + Units.formatNumber(min) + ", " + Units.formatNumber(max) + "]"));
    }

    /** An integer >= min. */
    Optional<Integer> integerAtLeast(int min) {
        return integerIn(min, Integer.MAX_VALUE, "an integer >= " + min);
    }

    /** An integer in [min, max], described as {@code expected} in errors. */
    Optional<Integer> integerIn(int min, int max, String expected) {
        return longValue("expected " + expected)
                .filter(x -> x >= min && x <= max || reject("expected " + expected + ", got " + x))
                .map(Long::intValue);
    }

    Optional<Long> longValue(String expected) {
        return text().flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                error(expected + ", got " + text);
                return Optional.empty();
            }
        });
    }

    /** {@code true} or {@code false}. */
    Optional<Boolean> bool() {
        return text().flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error("expected true or false, got " + text);
                yield Optional.empty();
            }
        });
    }

    /** {@code auto} (as 0) or a duration > 0. */
    Optional<Long> durationOrAuto() {
        if (text().filter("auto"::equals).isPresent()) {
            return Optional.of(0L);
        }
        return positiveDurationPs();
    }

    /** One of the given words; {@code what} names it in errors. */
    Optional<String> word(String what, List<String> words) {
        return text().flatMap(text -> {
            if (words.contains(text)) {
                return Optional.of(text);
            }
            error(DidYouMean.unknown(what, text, words));
            return Optional.empty();
        });
    }

    /** One of an enum's ids, e.g. a source id or a policy; {@code what} names it in errors. */
    <E extends Enum<E>> Optional<E> oneOf(String what, E[] values, Function<E, String> id) {
        List<String> ids = Arrays.stream(values).map(id).collect(Collectors.toList());
        return text().flatMap(text -> {
            int index = ids.indexOf(text);
            if (index >= 0) {
                return Optional.of(values[index]);
            }
            error(DidYouMean.unknown(what, text, ids));
            return Optional.empty();
        });
    }

    /** The items of a list, each at its indexed key path; anything else is reported. */
    Optional<List<Field>> items() {
        if (node instanceof YamlNode.Sequence sequence) {
            List<Field> items = new ArrayList<>();
            for (int i = 0; i < sequence.items().size(); i++) {
                items.add(new Field(sequence.items().get(i), KeyPaths.index(path, i), problems));
            }
            return Optional.of(items);
        }
        error("expected a list such as [a, b], got " + node.describe());
        return Optional.empty();
    }

    /**
     * A list whose every item converts; all bad items are reported.
     *
     * @param size   the required length, or -1 for any
     * @param reason why that length, e.g. "one per socket, machine.sockets = 2"
     */
    <T> Optional<List<T>> list(int size, String reason, Function<Field, Optional<T>> item) {
        return items().flatMap(items -> {
            boolean ok = size < 0 || check(items.size() == size,
                    "expected " + size + " entries (" + reason + "), got " + items.size(), false);
            List<T> values = new ArrayList<>();
            for (Field field : items) {
                Optional<T> value = item.apply(field);
                value.ifPresent(values::add);
                ok &= value.isPresent();
            }
            return ok ? Optional.of(values) : Optional.empty();
        });
    }

    /** Reports {@code "expected..., got <value>"} unless the condition holds. */
    boolean check(boolean condition, String expected) {
        return check(condition, expected, true);
    }

    private boolean check(boolean condition, String message, boolean withValue) {
        if (!condition) {
            error(withValue ? message + ", got '" + node.describe() + "'" : message);
        }
        return condition;
    }

    /** Reports the message and returns false, for use in {@code Optional.filter}. */
    boolean reject(String message) {
        error(message);
        return false;
    }
}
