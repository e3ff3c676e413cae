package org.clocksim.calibrate.host;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.clocksim.calibrate.fit.LatencyFit;
import org.clocksim.source.SourceId;

/**
 * Writes a {@link HostProfile} as host.yaml: a complete experiment (one thread calling every
 * measured source, the host's machine, kernel, scheduler and fitted latencies) that {@code clocksim
 * run} and {@code validate} take as is. Durations are written in picoseconds, so nothing is rounded.
 */
public final class HostYaml {
    /** Simulated time of host.yaml: enough reads for p99.9 of the slowest source, seconds of wall time. */
    public static final String DURATION = "20ms";

    private HostYaml() {
    }

    /** host.yaml itself: one thread calling every measured source in turn, passes per source. */
    public static String render(HostProfile host, String name) {
        return render(host, name, new HostWorkload(host.sources(), "  threads: 1\n", null));
    }

    /** The host with another workload (a check's): its sources must be measured ones. */
    public static String render(HostProfile host, String name, HostWorkload workload) {
        StringBuilder y = new StringBuilder();
        y.append("# ").append(name).append(": this machine, as measured by clocksim calibrate.\n");
        y.append("# host ").append(host.hostname()).append(", Linux ").append(host.kernelRelease()).append(", ")
                .append(host.cpuModel()).append('\n');
        y.append("# Latencies: a log-normal body (median = measured p50, sigma from p50..p90) and an exponential\n");
        y.append("# tail fitted to the measured p99 and p99.9; report.md compares them with the simulation.\n");
        for (String note : host.notes()) {
            y.append("# note: ").append(note).append('\n');
        }
        y.append("name: ").append(name).append('\n');
        y.append("description: measured host ").append(safe(host.hostname())).append(" (Linux ")
                .append(safe(host.kernelRelease())).append(")\n");
        y.append("seed: 1\nduration: ").append(DURATION).append('\n');
        y.append("machine:\n");
        y.append("  sockets: ").append(host.sockets()).append('\n');
        y.append("  coresPerSocket: ").append(host.coresPerSocket()).append('\n');
        y.append(String.format(Locale.ROOT, "  tsc: { frequency: %.3fkHz, socketOffset: [%s], invariant: %s, tscAdjust: %s }%n",
                host.tscGhz() * 1e6, host.socketOffsetCycles().stream()
                        .map(c -> Math.round(c) + "cycles").collect(Collectors.joining(", ")),
                host.invariantTsc(), host.tscAdjust()));
        if (host.kvmGuest()) {
            y.append("  hypervisor: { kind: kvm }\n");
        }
        y.append("kernel:\n");
        host.kernelVersion().ifPresent(v -> y.append("  version: \"").append(v).append("\"\n"));
        y.append("  hz: ").append(host.hz()).append('\n');
        y.append("  clocksource: ").append(host.clocksource()).append('\n');
        y.append("  fallbackClocksource: ").append(host.fallbackClocksource()).append('\n');
        y.append("  vsyscall: ").append(host.vsyscall().id()).append('\n');
        y.append(String.format(Locale.ROOT, "  ntp: { frequency: %.4fppm }%n", host.ntpFrequencyPpm()));
        y.append("scheduler:\n");
        if (workload.scheduler() != null) {
            y.append(workload.scheduler());
        } else if (host.migrationRate() > 0 && host.coresPerSocket() * host.sockets() > 1) {
            y.append(String.format(Locale.ROOT, "  migration: { policy: poisson, rate: %.3f/s, gap: %dps }%n",
                    host.migrationRate(), Math.max(1, Math.round(host.migrationGapNs() * 1000))));
        } else {
            y.append("  migration: { policy: none }   # the busy probe thread was never moved by the scheduler\n");
        }
        y.append("workload:\n").append(workload.settings());
        y.append("  sources: [").append(workload.sources().stream().map(SourceId::id).collect(Collectors.joining(", ")))
                .append("]\n");
        y.append("sources:\n");
        for (Map.Entry<SourceId, LatencyFit> source : host.latencies().entrySet()) {
            if (!workload.sources().contains(source.getKey())) {
                continue;
            }
            y.append("  ").append(source.getKey().id()).append(": { latency: ").append(source.getValue().toYaml())
                    .append(" }\n");
        }
        return y.toString();
    }

    /** A value safe in a plain YAML scalar: no characters YAML gives a meaning. */
    static String safe(String text) {
        return text.replaceAll("[^A-Za-z0-9._@() +-]", "_");
    }
}
