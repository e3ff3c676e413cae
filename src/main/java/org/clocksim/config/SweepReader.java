package org.clocksim.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clocksim.config.ConfigSchema.Sweep;
import org.clocksim.config.ConfigSchema.Top;
import org.clocksim.source.SourceId;

/**
 * Reads {@code replications} and {@code sweep} (its confidence level and its parameters), and
 * {@code --param KEY=v1,v2} parameters from the command line, which replace the config's.
 */
final class SweepReader {
    static final String LINEAR = "linear";
    static final String LOG = "log";

    private SweepReader() {
    }

    static int replications(Section top) {
        return top.value(Top.REPLICATIONS).value();
    }

    static double confidence(Section sweep) {
        return sweep.value(Sweep.CONFIDENCE, f -> f.number().filter(c -> c > 0 && c < 1
                || f.reject("expected a confidence level between 0 and 1 such as 0.95, got " + c))).value();
    }

    static List<SweepParameter> parameters(Section sweep) {
        return sweep.value(Sweep.PARAMETERS.name(), f -> f.list(-1, "", SweepReader::parameter),
                List.<SweepParameter>of()).value();
    }

    /**
     * {@code closedForm: {source, metric, label, intercept, slope}}, or null; the source must be one the
     * workload reads and the metric one the sweep aggregates, or the line would silently not be drawn.
     */
    static SweepClosedForm closedForm(Section sweep, List<SourceId> sources) {
        if (!sweep.has(Sweep.CLOSED_FORM.name())) {
            return null;
        }
        Section form = sweep.section(Sweep.CLOSED_FORM);
        List<String> sourceIds = sources.stream().map(SourceId::id).toList();
        Checked<String> source = form.required(Sweep.FORM_SOURCE, f -> f.word("source of workload.sources", sourceIds),
                "");
        Checked<String> metric = form.required(Sweep.FORM_METRIC, "");
        String label = form.value(Sweep.FORM_LABEL).value();
        Checked<Double> intercept = form.required(Sweep.FORM_INTERCEPT, 0.0);
        Checked<Double> slope = form.required(Sweep.FORM_SLOPE, 0.0);
        return source.valid() && metric.valid() && intercept.valid() && slope.valid()
                ? new SweepClosedForm(source.value(), metric.value(), label, intercept.value(), slope.value()) : null;
    }

    /** {@code {key: K, values: [..]}} or {@code {key: K, from: A, to: B, steps: N, scale: linear|log}}. */
    private static Optional<SweepParameter> parameter(Field field) {
        Section parameter = Section.of(field, "a parameter such as {key: machine.tsc.socketOffset[1], values: [1us, 2us]}")
                .allowOnly(Sweep.PARAMETERS.names());
        Checked<String> key = parameter.required(Sweep.PARAMETER_KEY, "");
        if (parameter.has(Sweep.VALUES.name())) {
            for (Key<?> rangeKey : List.of(Sweep.FROM, Sweep.TO, Sweep.STEPS, Sweep.SCALE)) {
                if (parameter.has(rangeKey.name())) {
                    parameter.errorAt(rangeKey.name(), "give either values or from/to/steps, not both");
                }
            }
            Checked<List<String>> values = parameter.value(Sweep.VALUES.name(),
                    f -> f.list(-1, "", Field::text).filter(v -> !v.isEmpty() || f.reject("expected at least one value")),
                    List.of());
            return key.valid() && values.valid()
                    ? Optional.of(labelled(parameter(key.value(), values.value()), parameter)) : Optional.empty();
        }
        Checked<String> from = parameter.required(Sweep.FROM.name(), "the first value, such as 10ns", Field::text, "");
        Checked<String> to = parameter.required(Sweep.TO.name(), "the last value, such as 100us", Field::text, "");
        Checked<Integer> steps = parameter.required(Sweep.STEPS, 2);
        boolean log = parameter.value(Sweep.SCALE).value().equals(LOG);
        if (!(key.valid() && from.valid() && to.valid() && steps.valid())) {
            return Optional.empty();
        }
        Quantity kind = Quantity.of(from.value());
        if (kind == null || kind == Quantity.NUMBER && Quantity.of(to.value()) != Quantity.NUMBER
                || kind != Quantity.of(to.value())) {
            parameter.errorAt(Sweep.TO.name(), "from and to must be quantities of the same kind (durations, rates, ppm, "
                    + "frequencies or numbers), got '" + from.value() + "' and '" + to.value() + "'");
            return Optional.empty();
        }
        double first = kind.value(from.value());
        double last = kind.value(to.value());
        if (log && (first <= 0 || last <= 0)) {
            parameter.errorAt(Sweep.SCALE.name(), "a log scale needs from and to > 0");
            return Optional.empty();
        }
        return Optional.of(labelled(new SweepParameter(key.value(), kind.range(first, last, steps.value(), log), kind,
                ConfigSchema.readableName(key.value()), null), parameter));
    }

    static SweepParameter parameter(String key, List<String> values) {
        Quantity kind = values.stream().map(Quantity::of).distinct().count() == 1 ? Quantity.of(values.get(0)) : null;
        return new SweepParameter(key, values, kind, ConfigSchema.readableName(key), null);
    }

    /** With the config's {@code label} and {@code threshold}, when it gives them. */
    private static SweepParameter labelled(SweepParameter p, Section parameter) {
        String label = p.label();
        if (parameter.has(Sweep.PARAMETER_LABEL.name())) {
            String given = parameter.value(Sweep.PARAMETER_LABEL).value();
            label = given == null || given.isBlank() ? label : given.strip();
        }
        SweepParameter.Threshold threshold = null;
        if (parameter.has(Sweep.THRESHOLD.name())) {
            String value = parameter.value(Sweep.THRESHOLD).value();
            Quantity kind = value == null ? null : Quantity.of(value);
            if (p.kind() == null || kind != p.kind()) {
                parameter.errorAt(Sweep.THRESHOLD.name(), "expected a value in the units of the parameter's values ("
                        + String.join(", ", p.values().subList(0, Math.min(2, p.values().size()))) + " …), got '"
                        + value + "'");
            } else {
                threshold = new SweepParameter.Threshold(value, kind.value(value),
                        parameter.value(Sweep.THRESHOLD_LABEL).value());
            }
        } else if (parameter.has(Sweep.THRESHOLD_LABEL.name())) {
            parameter.errorAt(Sweep.THRESHOLD_LABEL.name(), "a thresholdLabel needs a threshold");
        }
        return new SweepParameter(p.key(), p.values(), p.kind(), label, threshold);
    }

    /** {@code KEY=v1,v2,...}: commas inside brackets belong to a value ({@code k=[0ns, 1us],[0ns, 2us]}). */
    static Optional<SweepParameter> commandLine(String text, Problems problems) {
        Origin origin = new Origin("--param " + text, 0);
        int equals = text.indexOf('=');
        if (equals <= 0 || equals == text.length() - 1) {
            problems.add(origin, "", "expected KEY=value1,value2,...");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : text.substring(equals + 1).toCharArray()) {
            depth += c == '[' || c == '{' ? 1 : c == ']' || c == '}' ? -1 : 0;
            if (c == ',' && depth == 0) {
                values.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        values.add(current.toString().strip());
        if (values.stream().anyMatch(String::isEmpty)) {
            problems.add(origin, text.substring(0, equals), "expected KEY=value1,value2,... with no empty value");
            return Optional.empty();
        }
        return Optional.of(parameter(text.substring(0, equals), values));
    }
}
