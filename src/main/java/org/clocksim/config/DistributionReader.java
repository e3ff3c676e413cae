package org.clocksim.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.clocksim.engine.Distribution;

/**
 * Reads a distribution: a scalar duration ({@code 120ns}, a fixed value), or a mapping with a
 * {@code type} and its parameters, optionally {@code tailProbability} + {@code tailMean} to add
 * a rare exponential tail ({@link Distribution.WithTail}).
 */
final class DistributionReader {
    private static final String DURATION = "a duration such as 200ms, 3us, 1s";

    private DistributionReader() {
    }

    static Optional<Distribution> read(Field field) {
        if (field.node() instanceof YamlNode.Scalar) {
            return field.durationPs().map(Distribution.Fixed::new);
        }
        List<String> types = Arrays.stream(DistributionType.values()).map(DistributionType::id)
                .collect(Collectors.toList());
        Section section = Section.of(field, "a duration, or a distribution such as {type: exponential, mean: 1us}");
        if (!(field.node() instanceof YamlNode.Mapping)) {
            return Optional.empty(); // reported by Section.of
        }
        Checked<DistributionType> type = section.required(DistributionType.TYPE, "one of " + String.join(", ", types),
                f -> f.oneOf("distribution type", DistributionType.values(), DistributionType::id), null);
        if (!type.valid()) {
            return Optional.empty();
        }
        section.allowOnly(type.value().keys());
        Optional<Distribution> body = body(type.value(), section);
        Optional<Distribution> withTail = tail(section, body);
        return body.isPresent() ? withTail : Optional.empty();
    }

    private static Optional<Distribution> body(DistributionType type, Section section) {
        switch (type) {
            case FIXED:
                return duration(section, "value").map(Distribution.Fixed::new);
            case EXPONENTIAL:
                return duration(section, "mean").map(Distribution.Exponential::new);
            case UNIFORM:
                Optional<Long> min = duration(section, "min");
                Optional<Long> max = duration(section, "max");
                if (min.isEmpty() || max.isEmpty()) {
                    return Optional.empty();
                }
                Field maxField = section.get("max").orElseThrow();
                return maxField.check(max.get() >= min.get(), "expected max >= min (" + Units.formatDuration(min.get()) + ")")
                        ? Optional.of(new Distribution.Uniform(min.get(), max.get())) : Optional.empty();
            case LOGNORMAL:
                Optional<Long> median = duration(section, "median");
                Checked<Double> sigma = section.required("sigma", "a number >= 0 such as 0.1",
                        f -> f.number().filter(x -> f.check(x >= 0, "expected a number >= 0")), 0.0);
                return median.filter(m -> sigma.valid()).map(m -> new Distribution.LogNormal(m, sigma.value()));
            default:
                throw new AssertionError(type);
        }
    }

    /** The body, wrapped in a tail when both tail keys are given; one without the other is an error. */
    private static Optional<Distribution> tail(Section section, Optional<Distribution> body) {
        boolean hasProbability = section.has(DistributionType.TAIL_PROBABILITY);
        boolean hasMean = section.has(DistributionType.TAIL_MEAN);
        if (!hasProbability && !hasMean) {
            return body;
        }
        Checked<Double> probability = section.required(DistributionType.TAIL_PROBABILITY,
                "a number in [0, 1] together with tailMean", f -> f.numberBetween(0, 1), 0.0);
        Checked<Long> mean = section.required(DistributionType.TAIL_MEAN, DURATION + " together with tailProbability",
                Field::durationPs, 0L);
        if (body.isEmpty() || !probability.valid() || !mean.valid()) {
            return Optional.empty();
        }
        return Optional.of(new Distribution.WithTail(body.get(), probability.value(), mean.value()));
    }

    private static Optional<Long> duration(Section section, String key) {
        Checked<Long> value = section.required(key, DURATION, Field::durationPs, 0L);
        return value.valid() ? Optional.of(value.value()) : Optional.empty();
    }
}
