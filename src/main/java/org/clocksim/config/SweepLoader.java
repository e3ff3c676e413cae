package org.clocksim.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clocksim.experiment.Experiment;

/**
 * A config file with a {@code sweep} section (or {@code --param}s) to a validated {@link SweepPlan}:
 * the base experiment, the parameters, and every point's experiment, each validated as if run with
 * {@code --set KEY=VALUE} for its values.
 */
public final class SweepLoader {
    private static final int MAX_PARAMETERS = 2;

    private SweepLoader() {
    }

    /**
     * @param parameters   {@code KEY=v1,v2,...} from the command line; when any, they replace the config's
     * @param replications replaces the config's {@code replications} when not null
     */
    public static SweepPlan load(Path file, List<String> overrides, List<String> parameters, Integer replications)
            throws ConfigException {
        return load(file, overrides, parameters, replications, WorkLimits.DEFAULT);
    }

    /** Like {@link #load(Path, List, List, Integer)}, refusing any point whose estimated work is over a limit. */
    public static SweepPlan load(Path file, List<String> overrides, List<String> parameters, Integer replications,
                                 WorkLimits limits) throws ConfigException {
        return parse(ConfigSource.read(file), file.toString(), overrides, parameters, replications, limits);
    }

    public static SweepPlan parse(String text, String sourceName, List<String> overrides, List<String> parameters,
                                  Integer replications) throws ConfigException {
        return parse(text, sourceName, overrides, parameters, replications, WorkLimits.DEFAULT);
    }

    public static SweepPlan parse(String text, String sourceName, List<String> overrides, List<String> parameters,
                                  Integer replications, WorkLimits limits) throws ConfigException {
        Experiment base = ExperimentLoader.parse(text, sourceName, overrides, limits);
        Problems problems = new Problems();
        YamlNode root = ConfigSource.tree(text, sourceName, overrides, problems);
        Section top = Section.root(root, problems);
        Section sweep = top.section(ConfigSchema.Sweep.GROUP);
        int reps = replications != null ? replications : SweepReader.replications(top);
        double confidence = SweepReader.confidence(sweep);
        SweepClosedForm closedForm = SweepReader.closedForm(sweep, base.workload().sources());
        List<SweepParameter> swept = SweepReader.parameters(sweep);
        if (!parameters.isEmpty()) {
            List<SweepParameter> configured = swept;
            swept = new ArrayList<>();
            for (String parameter : parameters) {
                SweepReader.commandLine(parameter, problems).map(given -> labelled(given, configured))
                        .ifPresent(swept::add);
            }
        }
        if (swept.size() > MAX_PARAMETERS) {
            top.errorAt("sweep", "at most " + MAX_PARAMETERS + " parameters, got " + swept.size());
        }
        if (replications != null && replications < 1) {
            problems.add(new Origin("--replications " + replications, 0), "replications", "expected an integer >= 1");
        }
        problems.throwIfAny();
        return new SweepPlan(sourceName, text, overrides, base, swept, reps, confidence, closedForm,
                points(withoutSweep(root), sourceName, overrides, swept, limits));
    }

    /**
     * The tree without its sweep section, which no point reads: each point then costs the same whatever
     * the number of values (validating a sweep is linear in its points).
     */
    private static YamlNode withoutSweep(YamlNode root) {
        return root instanceof YamlNode.Mapping mapping
                ? new YamlNode.Mapping(mapping.entries().stream().filter(e -> !e.key().equals("sweep")).toList(),
                        mapping.origin())
                : root;
    }

    /** Every point's experiment; all their errors at once, each naming the point. */
    private static List<SweepPlan.Point> points(YamlNode tree, String sourceName, List<String> overrides,
                                                List<SweepParameter> parameters, WorkLimits limits)
            throws ConfigException {
        List<SweepPlan.Point> points = new ArrayList<>();
        List<ConfigError> errors = new ArrayList<>();
        for (Map<String, String> values : SweepPlan.combinations(parameters)) {
            List<String> pointOverrides = new ArrayList<>(overrides);
            List<String> assignments = new ArrayList<>();
            values.forEach((key, value) -> assignments.add(key + "=" + value));
            pointOverrides.addAll(assignments);
            try {
                Experiment experiment = ExperimentLoader.read(tree, sourceName, assignments, limits);
                points.add(new SweepPlan.Point(points.size() + errors.size(), values, pointOverrides, experiment));
            } catch (ConfigException e) {
                for (ConfigError error : e.errors()) {
                    errors.add(new ConfigError(error.file(), error.line(), error.keyPath(),
                            error.message() + " (sweep point " + values + ")"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return points;
    }

    /** The command line's values for a key the config sweeps keep the config's label and threshold. */
    private static SweepParameter labelled(SweepParameter given, List<SweepParameter> configured) {
        return configured.stream().filter(c -> c.key().equals(given.key())).findFirst()
                .map(c -> new SweepParameter(given.key(), given.values(), given.kind(), c.label(), c.threshold()))
                .orElse(given);
    }
}
