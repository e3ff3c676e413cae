package org.clocksim.calibrate;

import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.clocksim.calibrate.check.CheckComparison;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.fit.LatencyFit;
import org.clocksim.calibrate.host.HostProfile;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.SourceId;

/** report.md: the host, measured vs simulated latency per source, and the checks side by side. */
public final class CalibrationReport {
    private static final double[] LEVELS = {50, 90, 99, 99.9};

    private CalibrationReport() {
    }

    public static String render(Calibration c) {
        StringBuilder md = new StringBuilder();
        HostFacts f = c.facts();
        HostProfile h = c.host();
        ProbeMeasurements p = c.probe();
        md.append("# Calibration: ").append(h.hostname()).append("\n\n");
        md.append("Measured by `clocksim calibrate` (probe budget ").append(p.budgetMs()).append(" ms); `")
                .append(CalibrationFiles.HOST).append("` is this host as an experiment, `").append(CalibrationFiles.JSON)
                .append("` holds the raw measurements.\n\n");
        md.append("| fact | value |\n|---|---|\n");
        row(md, "kernel", "Linux " + f.kernel().release());
        row(md, "CPU", f.cpu().model());
        row(md, "topology", f.topology().sockets() + " socket(s), " + f.topology().cores() + " core(s), "
                + f.topology().cpus().size() + " CPU(s)" + (f.topology().smt() ? " (SMT)" : ""));
        row(md, "CPUs measured", c.cpus().measured().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(" "))
                + (c.cpus().notMeasured().isEmpty() ? "" : "; not measured: " + c.cpus().notMeasuredText()));
        row(md, "TSC flags", CpuFlagsText.of(f.cpu()));
        row(md, "TSC frequency", String.format(Locale.ROOT, "%.3f MHz measured against CLOCK_MONOTONIC_RAW%s",
                p.tscGhzMeasured() * 1000, f.cpu().mhz().isPresent()
                        ? String.format(Locale.ROOT, " (cpuinfo: %.3f MHz)", f.cpu().mhz().getAsDouble()) : ""));
        row(md, "clocksource", f.clocksources().current() + " (available: " + String.join(" ", f.clocksources().available()) + ")");
        row(md, "HZ", h.hz() + " (coarse resolution " + p.coarseResolutionNs() + " ns)");
        row(md, "vsyscall", h.vsyscall().id() + " (" + (p.vsyscallMapping().isBlank() ? "no [vsyscall] mapping" : "`"
                + p.vsyscallMapping().replaceAll("\\s+", " ") + "`") + ")");
        row(md, "NTP", p.ntp() == null ? "unknown" : String.format(Locale.ROOT, "%s, frequency %.3f ppm, status 0x%x",
                p.ntp().synchronised() ? "synchronised" : "unsynchronised", p.ntp().frequencyPpm(), p.ntp().status()));
        row(md, "mitigations", f.mitigations().mitigated() + " mitigated, " + f.mitigations().vulnerable()
                + " vulnerable, of " + f.mitigations().byVulnerability().size());
        for (String note : h.notes()) {
            row(md, "note", note);
        }
        md.append("\n## Latency per source: measured vs simulated (ns)\n\n");
        md.append("Measured: single calls timed with `lfence; rdtsc` … `rdtscp; lfence`, less the timer's own cost (")
                .append(fmt(p.timerCostNs())).append(" ns); batched: the median of 200-call batches. Simulated: `")
                .append(CalibrationFiles.HOST).append("` run as is.\n\n");
        md.append("| source | batched | p50 host | p50 sim | p90 host | p90 sim | p99 host | p99 sim | p99.9 host | p99.9 sim | max host | fitted |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ProbeMeasurements.SourceLatency m : p.latency()) {
            SourceId id = SourceId.byId(m.source()).orElse(null);
            SourceResult sim = id == null ? null : simulated(c, id);
            double[] host = {m.p50Ns(), m.p90Ns(), m.p99Ns(), m.p999Ns()};
            md.append("| ").append(m.source()).append(" | ").append(fmt(m.batchedMedianNs()));
            for (int i = 0; i < LEVELS.length; i++) {
                md.append(" | ").append(fmt(host[i])).append(" | ")
                        .append(sim == null ? "-" : fmt(percentileNs(sim.latencyPs(), LEVELS[i])));
            }
            LatencyFit fit = id == null ? null : h.latencies().get(id);
            md.append(" | ").append(fmt(m.maxNs())).append(" | ").append(fit == null ? "-" : "`" + fit.toYaml() + "`")
                    .append(" |\n");
        }
        md.append("\nMeasured points (p50, p75, p90, p99, p99.9, p99.99, max) against the simulated distribution. ")
                .append("Nothing is fitted beyond p99.9: the host's rarer delays (preemption, interrupts: up to ")
                .append("milliseconds on a shared machine) are where the two part.\n\n");
        for (ProbeMeasurements.SourceLatency m : p.latency()) {
            String chart = CalibrationCharts.latencyName(m.source());
            md.append("![").append(m.source()).append(": measured vs simulated](").append(chart).append(".png)\n");
        }
        md.append("\n## Checks: host vs simulated\n\n");
        md.append("| check | rule | host | simulated | same verdict |\n|---|---|---|---|---|\n");
        for (CheckComparison check : c.checks()) {
            md.append("| ").append(check.check().id()).append(" | ").append(check.check().rule()).append(" | ")
                    .append(outcome(check.host())).append(" | ")
                    .append(check.simulated().map(CalibrationReport::outcome).orElse("not simulated")).append(" | ")
                    .append(!check.comparable() ? "-" : check.agree() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## TSC offsets between CPUs (lock hand-off)\n\n");
        md.append("With B's counter = A's + offset, the smallest signed step A→B bounds the offset from above and B→A from below (a warp is a negative step).\n\n");
        md.append("| CPUs | hand-offs | warps | max warp (cycles) | offset of B (ns) |\n|---|---|---|---|---|\n");
        if (p.warp().isEmpty()) {
            md.append("| - | not measured (needs two CPUs; one was measured) | | | |\n");
        }
        for (ProbeMeasurements.WarpPair w : p.warp()) {
            if (w.error() != null) {
                md.append("| ").append(w.cpuA()).append(" → ").append(w.cpuB()).append(" | not measured (").append(w.error())
                        .append(") | | | |\n");
                continue;
            }
            String bound = w.offsetBoundCycles().map(b -> "[" + fmt(b[0] / p.tscGhzMeasured()) + ", "
                    + fmt(b[1] / p.tscGhzMeasured()) + "]").orElse("not resolved");
            md.append("| ").append(w.cpuA()).append(" → ").append(w.cpuB()).append(" | ").append(w.handoffs())
                    .append(" | ").append(w.warps()).append(" | ").append(w.maxWarpCycles()).append(" | ").append(bound)
                    .append(" |\n");
        }
        if (p.warp().stream().anyMatch(w -> w.offsetBoundCycles().isPresent())) {
            md.append("\n![TSC offset bounds per CPU pair](").append(CalibrationCharts.OFFSETS).append(".png)\n");
        }
        md.append("\n## Migrations\n\n");
        if (p.forcedMigration() != null && p.forcedMigration().moves() > 0) {
            md.append(String.format(Locale.ROOT, "- forced (`sched_setaffinity` ping-pong, %d moves): gap p50 %s ns, p90 %s ns, max %s ns%n",
                    p.forcedMigration().moves(), fmt(p.forcedMigration().p50Ns()), fmt(p.forcedMigration().p90Ns()),
                    fmt(p.forcedMigration().maxNs())));
        } else {
            md.append("- forced: not measured (needs two CPUs that run the probe)\n");
        }
        if (p.naturalMigration() != null && c.cpus().measured().size() < 2) {
            md.append("- natural: not measured (one CPU: nowhere to move)\n");
        } else if (p.naturalMigration() != null) {
            md.append(String.format(Locale.ROOT, "- natural (a busy unpinned thread, %.2f s): %d migrations, %.1f/s%n",
                    p.naturalMigration().seconds(), p.naturalMigration().migrations(), p.naturalMigration().ratePerSecond()));
        }
        return md.toString();
    }

    static double percentileNs(Histogram latencyPs, double percentile) {
        return latencyPs.getValueAtPercentile(percentile) / 1000.0;
    }

    private static SourceResult simulated(Calibration c, SourceId id) {
        List<SourceResult> sources = c.simulated().sources();
        return sources.stream().filter(s -> s.source() == id).findFirst().orElse(null);
    }

    /** host.yaml's simulated result of the probe's source {@code source}, if clocksim has that source. */
    static java.util.Optional<SourceResult> simulated(Calibration c, String source) {
        return SourceId.byId(source).map(id -> simulated(c, id));
    }

    private static String outcome(org.clocksim.calibrate.check.HostCheck.Outcome o) {
        if (!o.measured()) {
            return "not measured (" + o.notMeasured() + ")";
        }
        String rate = o.failures() == 0 ? "0" : String.format(Locale.ROOT, "%.3g", 1e6 * o.failures() / o.trials());
        return String.format(Locale.ROOT, "%s (%d %s of %d %s: %s per million)", o.verdict(), o.failures(),
                o.failuresName(), o.trials(), o.trialsName(), rate);
    }

    private static void row(StringBuilder md, String key, String value) {
        md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    static String fmt(double ns) {
        if (ns >= 100) {
            return String.format(Locale.ROOT, "%.0f", ns);
        }
        return String.format(Locale.ROOT, "%.1f", ns);
    }

    /** The TSC flags as "constant_tsc nonstop_tsc …", the missing ones as "no tsc_adjust". */
    static final class CpuFlagsText {
        private CpuFlagsText() {
        }

        static String of(org.clocksim.calibrate.facts.CpuInfo cpu) {
            StringBuilder text = new StringBuilder();
            for (String flag : org.clocksim.calibrate.facts.CpuInfo.TSC_FLAGS) {
                text.append(text.length() == 0 ? "" : " ").append(cpu.has(flag) ? flag : "no " + flag);
            }
            return text.toString();
        }
    }
}
