package org.clocksim.config;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clocksim.engine.Distribution;

/** The {@code type} of a distribution in a config, with the parameters it takes. */
enum DistributionType {
    FIXED("fixed", "value"),
    EXPONENTIAL("exponential", "mean"),
    UNIFORM("uniform", "min", "max"),
    LOGNORMAL("lognormal", "median", "sigma");

    static final String TYPE = "type";
    static final String TAIL_PROBABILITY = "tailProbability";
    static final String TAIL_MEAN = "tailMean";

    private final String id;
    private final List<String> parameters;

    DistributionType(String id, String... parameters) {
        this.id = id;
        this.parameters = List.of(parameters);
    }

    String id() {
        return id;
    }

    /** Every key a distribution of this type may have, in the order the writer uses. */
    List<String> keys() {
        return Stream.of(List.of(TYPE), parameters, List.of(TAIL_PROBABILITY, TAIL_MEAN))
                .flatMap(List::stream).collect(Collectors.toUnmodifiableList());
    }

    static DistributionType of(Distribution body) {
        if (body instanceof Distribution.Fixed) {
            return FIXED;
        } else if (body instanceof Distribution.Exponential) {
            return EXPONENTIAL;
        } else if (body instanceof Distribution.Uniform) {
            return UNIFORM;
        } else if (body instanceof Distribution.LogNormal) {
            return LOGNORMAL;
        }
        throw new IllegalArgumentException("no config type for " + body);
    }
}
