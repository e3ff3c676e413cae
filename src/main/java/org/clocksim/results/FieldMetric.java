package org.clocksim.results;

import java.util.Optional;
import java.util.function.Function;

/** A figure of one part of a summary (the kernel's, a pair of sources'), by the name expectations give it. */
public record FieldMetric<T>(String name, Function<T, Object> value) {
    public Optional<MetricValue> of(T part) {
        return Optional.ofNullable(value.apply(part)).map(MetricValue::of);
    }
}
