package org.clocksim.config;

import java.util.List;

/**
 * One swept config value.
 *
 * @param key    its key path, as for {@code --set} ({@code machine.tsc.socketOffset[1]})
 * @param values the values, canonical text, in sweep order
 * @param kind   what the values measure, or null when they are categorical
 * @param label  what charts call it: the config's {@code label}, else a readable name from the schema
 * @param threshold a value the charts mark (the config's {@code threshold}), or null
 */
public record SweepParameter(String key, List<String> values, Quantity kind, String label, Threshold threshold) {
    /** A value to mark: as written ({@code 2us}), in the base unit, and what the mark says. */
    public record Threshold(String value, double numeric, String label) {
    }

    public SweepParameter {
        values = List.copyOf(values);
    }

    /** The value as a number in its base unit (the index of a categorical value). */
    public double numeric(int index) {
        return kind == null ? index : kind.value(values.get(index));
    }

    public String unit() {
        return kind == null ? "" : kind.unit();
    }
}
