package org.clocksim.calibrate;

import java.util.List;
import org.clocksim.calibrate.check.CheckComparison;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.host.HostProfile;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.run.RunResults;

/**
 * A calibration, complete: what was read and measured, the host as clocksim models it, host.yaml,
 * its simulation and the checks side by side.
 *
 * @param cpus the CPUs of --cpus measured, and those not (with why)
 */
public record Calibration(String name, HostFacts facts, CpuChoice cpus, ProbeMeasurements probe, HostProfile host, String hostYaml,
                          RunResults simulated, List<CheckComparison> checks) {
    public Calibration {
        checks = List.copyOf(checks);
    }
}
