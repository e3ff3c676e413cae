package org.clocksim.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an expectation requires of a value. The grammar (README, "Expectations"):
 * a number ({@code 0}: equal), a comparison ({@code ">= 1"}, {@code "> 0"}, {@code "<= 2500"},
 * {@code "< 3"}, {@code "== 0"}, {@code "!= 0"}), an inclusive range ({@code "10..20"}), or a
 * word ({@code hpet}, {@code pass}, {@code true}) that must equal the value's text.
 */
public sealed interface Condition permits Condition.Compare, Condition.Between, Condition.Equals {
    Pattern COMPARE = Pattern.compile("(>=|<=|==|!=|>|<)\\s*(" + Numbers.NUMBER + ")");
    Pattern BETWEEN = Pattern.compile("(" + Numbers.NUMBER + ")\\s*\\.\\.\\s*(" + Numbers.NUMBER + ")");

    /** Whether {@code actual} (a number, or text) meets the condition. */
    boolean holds(Double number, String text);

    record Compare(String operator, double value) implements Condition {
        @Override
        public boolean holds(Double number, String text) {
            if (number == null) {
                return false;
            }
            return switch (operator) {
                case ">=" -> number >= value;
                case "<=" -> number <= value;
                case ">" -> number > value;
                case "<" -> number < value;
                case "!=" -> number != value;
                default -> number == value;
            };
        }
    }

    record Between(double low, double high) implements Condition {
        @Override
        public boolean holds(Double number, String text) {
            return number != null && number >= low && number <= high;
        }
    }

    record Equals(String expected) implements Condition {
        @Override
        public boolean holds(Double number, String text) {
            return expected.equals(text);
        }
    }

    /** The condition a config value states, or empty when it is not of the grammar. */
    static Optional<Condition> parse(String text) {
        String t = text.strip();
        if (t.matches(Numbers.NUMBER)) {
            return Optional.of(new Compare("==", Double.parseDouble(t)));
        }
        Matcher compare = COMPARE.matcher(t);
        if (compare.matches()) {
            return Optional.of(new Compare(compare.group(1), Double.parseDouble(compare.group(2))));
        }
        Matcher between = BETWEEN.matcher(t);
        if (between.matches()) {
            double low = Double.parseDouble(between.group(1));
            double high = Double.parseDouble(between.group(2));
            return low <= high ? Optional.of(new Between(low, high)) : Optional.empty();
        }
        return t.matches("[A-Za-z][A-Za-z0-9_-]*") ? Optional.of(new Equals(t)) : Optional.empty();
    }

    /** Number syntax shared by the patterns. */
    final class Numbers {
        static final String NUMBER = "-?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][+-]?\\d+)?";

        private Numbers() {
        }
    }
}
