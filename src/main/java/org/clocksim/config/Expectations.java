package org.clocksim.config;

import java.nio.file.Path;
import java.util.List;
import org.clocksim.experiment.Experiment;

/** A config's {@code expect:} section, read after the experiment it belongs to is valid. */
public final class Expectations {
    private Expectations() {
    }

    /** The expectations of a config file (empty when it has none), validated with the whole file. */
    public static List<Expectation> load(Path file, List<String> overrides) throws ConfigException {
        return parse(ConfigSource.read(file), file.toString(), overrides);
    }

    public static List<Expectation> parse(String text, String sourceName, List<String> overrides)
            throws ConfigException {
        Experiment experiment = ExperimentLoader.parse(text, sourceName, overrides, WorkLimits.NONE); // the commands check the work
        Problems problems = new Problems();
        YamlNode root = ConfigSource.tree(text, sourceName, overrides, problems);
        Section top = Section.root(root, problems);
        List<Expectation> expectations = ExpectationReader.read(top.section("expect",
                "a mapping of subjects (source ids, kernel, program, crossSource) to metrics"), experiment.workload());
        problems.throwIfAny();
        return expectations;
    }
}
