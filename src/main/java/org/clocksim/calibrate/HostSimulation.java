package org.clocksim.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clocksim.calibrate.check.CheckComparison;
import org.clocksim.calibrate.check.HostCheck;
import org.clocksim.calibrate.host.HostProfile;
import org.clocksim.calibrate.host.HostWorkload;
import org.clocksim.calibrate.host.HostYaml;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.clocksim.run.RunResults;

/** Runs the host experiment, and each check's variant of it, with the normal runner. */
public final class HostSimulation {
    private final int workers;

    public HostSimulation(int workers) {
        this.workers = workers;
    }

    /** host.yaml as written, run (replication 0). */
    public RunResults run(String hostYaml) {
        return run(hostYaml, CalibrationFiles.HOST);
    }

    public List<CheckComparison> checks(HostProfile host, ProbeMeasurements probe, String name) {
        List<CheckComparison> comparisons = new ArrayList<>();
        for (HostCheck check : HostCheck.values()) {
            Optional<HostWorkload> workload = check.workload(host);
            Optional<HostCheck.Outcome> simulated = workload.map(w -> check.simulated(
                    run(HostYaml.render(host, name + "-" + check.id(), w), check.id() + ".yaml")));
            comparisons.add(new CheckComparison(check, check.host(probe), simulated));
        }
        return comparisons;
    }

    private RunResults run(String yaml, String sourceName) {
        Experiment experiment;
        try {
            experiment = ExperimentLoader.parse(yaml, sourceName, List.of());
        } catch (ConfigException e) {
            throw new IllegalStateException("calibrate wrote an experiment clocksim refuses (a bug): " + e.getMessage()
                    + "\n" + yaml, e);
        }
        return new ExperimentRunner(workers, ProgressListener.NONE).run(experiment, 0);
    }

}
