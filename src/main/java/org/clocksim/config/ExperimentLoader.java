package org.clocksim.config;

import java.nio.file.Path;
import java.util.List;
import org.clocksim.experiment.Experiment;

/** The entry point: a YAML experiment file plus {@code --set} overrides to a validated {@link Experiment}. */
public final class ExperimentLoader {

    private ExperimentLoader() {
    }

    /**
     * Reads {@code file}, applies the overrides ({@code key.path=value}; the path may index lists,
     * {@code machine.tsc.socketOffset[1]=5us}; the value is a YAML flow value, so {@code
     * machine.tsc.socketOffset=[0ns, 0ns]} works) and validates the result.
     *
     * @throws ConfigException listing every problem, each with file, line and key path
     */
    public static Experiment load(Path file, List<String> overrides) throws ConfigException {
        return load(file, overrides, WorkLimits.DEFAULT);
    }

    /** Like {@link #load(Path, List)}, refusing a run whose estimated work is over {@code limits}. */
    public static Experiment load(Path file, List<String> overrides, WorkLimits limits) throws ConfigException {
        return parse(ConfigSource.read(file), file.toString(), overrides, limits);
    }

    /**
     * Like {@link #load} for text already read; {@code sourceName} is the file name errors carry,
     * and its base name is the experiment's default name.
     */
    public static Experiment parse(String yamlText, String sourceName, List<String> overrides)
            throws ConfigException {
        return parse(yamlText, sourceName, overrides, WorkLimits.DEFAULT);
    }

    /** Like {@link #parse(String, String, List)}, refusing a run whose estimated work is over {@code limits}. */
    public static Experiment parse(String yamlText, String sourceName, List<String> overrides, WorkLimits limits)
            throws ConfigException {
        Problems problems = new Problems();
        YamlNode root = ConfigSource.tree(yamlText, sourceName, overrides, problems);
        Experiment experiment = ExperimentReader.read(root, baseName(sourceName), problems);
        WorkCheck.check(experiment, limits, root, sourceName);
        return experiment;
    }

    /**
     * A tree already parsed (with the file's overrides applied) plus more overrides, validated: a sweep
     * point, without parsing the file again for each point.
     */
    static Experiment read(YamlNode tree, String sourceName, List<String> overrides, WorkLimits limits)
            throws ConfigException {
        Problems problems = new Problems();
        YamlNode pointTree = Overrides.apply(tree, overrides, problems);
        Experiment experiment = ExperimentReader.read(pointTree, baseName(sourceName), problems);
        WorkCheck.check(experiment, limits, pointTree, sourceName);
        return experiment;
    }

    /** {@code experiments/two.yaml} → {@code two}; made a safe name ({@link ExperimentName#fromFileName}). */
    static String baseName(String sourceName) {
        String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return ExperimentName.fromFileName(dot > 0 ? name.substring(0, dot) : name);
    }
}
