package org.clocksim.calibrate;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.fit.LatencyFit;
import org.clocksim.calibrate.fit.Percentiles;
import org.clocksim.results.ResultsJson;

/**
 * calibration.json: {@code facts} (what the system's files say), {@code probe} (the raw
 * measurements, as the probe printed them), {@code fits} (per source: the fitted latency),
 * {@code simulatedLatencyNs} (per source: host.yaml's simulated percentiles) and
 * {@code checks} (host and simulated verdicts).
 */
public final class CalibrationJson {
    private static final ObjectMapper JSON = ResultsJson.MAPPER;

    private CalibrationJson() {
    }

    public static String render(Calibration calibration) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", calibration.name());
        root.put("hostname", calibration.host().hostname());
        root.put("facts", facts(calibration.facts()));
        Map<String, Object> cpus = new LinkedHashMap<>();
        cpus.put("measured", calibration.cpus().measured());
        cpus.put("notMeasured", calibration.cpus().notMeasured());
        root.put("cpus", cpus);
        root.put("probe", calibration.probe());
        Map<String, Object> fits = new LinkedHashMap<>();
        calibration.host().latencies().forEach((source, fit) -> fits.put(source.id(), fit(fit)));
        root.put("fits", fits);
        Map<String, Object> simulated = new LinkedHashMap<>();
        for (org.clocksim.observe.SourceResult source : calibration.simulated().sources()) {
            Map<String, Double> levels = new LinkedHashMap<>();
            for (int i = 0; i < Percentiles.NAMES.size(); i++) {
                levels.put(Percentiles.NAMES.get(i), source.latencyPs().getValueAtPercentile(100 * Percentiles.LEVELS.get(i)) / 1000.0);
            }
            simulated.put(source.source().id(), levels);
        }
        root.put("simulatedLatencyNs", simulated);
        Map<String, Object> checks = new LinkedHashMap<>();
        calibration.checks().forEach(c -> {
            Map<String, Object> check = new LinkedHashMap<>();
            check.put("host", c.host());
            check.put("simulated", c.simulated().orElse(null));
            check.put("agree", c.comparable() ? c.agree() : null);
            checks.put(c.check().id(), check);
        });
        root.put("checks", checks);
        root.put("notes", calibration.host().notes());
        return JSON.writeValueAsString(root) + "\n";
    }

    private static Map<String, Object> facts(HostFacts facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kernelRelease", facts.kernel().release());
        out.put("cpuModel", facts.cpu().model());
        Map<String, Boolean> flags = new LinkedHashMap<>();
        for (String flag : org.clocksim.calibrate.facts.CpuInfo.TSC_FLAGS) {
            flags.put(flag, facts.cpu().has(flag));
        }
        out.put("cpuFlags", flags);
        out.put("cpuMhz", facts.cpu().mhz().isPresent() ? facts.cpu().mhz().getAsDouble() : null);
        out.put("logicalCpus", facts.cpu().logicalCpus());
        out.put("sockets", facts.topology().sockets());
        out.put("cores", facts.topology().cores());
        out.put("threadsPerCore", facts.topology().threadsPerCore());
        out.put("currentClocksource", facts.clocksources().current());
        out.put("availableClocksources", facts.clocksources().available());
        out.put("vulnerabilities", new java.util.TreeMap<>(facts.mitigations().byVulnerability()));
        return out;
    }

    private static Map<String, Object> fit(LatencyFit fit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "lognormal");
        out.put("medianNs", fit.medianNs());
        out.put("sigma", fit.sigma());
        out.put("tailProbability", fit.tailProbability());
        out.put("tailMeanNs", fit.tailMeanNs());
        return out;
    }
}
