package org.clocksim.calibrate;

import java.io.IOException;
import java.util.function.Consumer;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.facts.SystemFiles;
import org.clocksim.calibrate.host.HostProfile;
import org.clocksim.calibrate.host.HostYaml;
import org.clocksim.calibrate.probe.NativeProbe;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.calibrate.probe.ProbeUnavailableException;
import org.clocksim.run.RunResults;

/**
 * The calibration pipeline: read the facts, build and run the probe, describe the host as an
 * experiment, simulate it and its checks. Writes nothing ({@link CalibrationWriter} does); each phase
 * says so on {@code progress}.
 *
 * @param probe the built probe, for {@link #measure}
 */
public record Calibrator(NativeProbe probe, SystemFiles files, int workers, Consumer<String> progress) {
    public static Calibrator prepare(SystemFiles files, int workers, Consumer<String> progress)
            throws ProbeUnavailableException, IOException {
        progress.accept("calibrate: building the probe (cached in " + NativeProbe.defaultCache() + ")");
        return new Calibrator(NativeProbe.build(NativeProbe.defaultCache()), files, workers, progress);
    }

    /** Measures on {@code cpus.measured()}, which must not be empty. */
    public Calibration measure(String name, String hostname, long budgetMs, CpuChoice cpus) throws IOException {
        progress.accept("calibrate: reading the system's facts");
        HostFacts facts = HostFacts.read(files);
        cpus.notMeasured().forEach((cpu, why) -> progress.accept("calibrate: CPU " + cpu + " not measured: " + why));
        ProbeMeasurements measured = probe.run(budgetMs, cpus.measured(), progress);
        HostProfile host = HostProfile.of(facts, measured, hostname);
        String yaml = HostYaml.render(host, name);
        HostSimulation simulation = new HostSimulation(workers);
        progress.accept("calibrate: simulating " + CalibrationFiles.HOST);
        RunResults simulated = simulation.run(yaml);
        progress.accept("calibrate: simulating the host's checks");
        return new Calibration(name, facts, cpus, measured, host, yaml, simulated, simulation.checks(host, measured, name));
    }
}
