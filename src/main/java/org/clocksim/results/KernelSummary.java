package org.clocksim.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the kernel did: the final clocksource, each switch, the sync check per cpu, the watchdog's checks. */
@JsonPropertyOrder({"finalClocksource", "switches", "syncCheck", "watchdog", "ticks", "ntpMultChanges",
    "ntpChanges", "tscAdjustRestores"})
public record KernelSummary(String finalClocksource, List<Switch> switches, SyncCheck syncCheck, Watchdog watchdog,
                            long ticks, int ntpMultChanges,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NtpChange> ntpChanges,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<TscAdjustRestore> tscAdjustRestores) {
    public KernelSummary {
        switches = List.copyOf(switches);
        ntpChanges = ntpChanges == null ? List.of() : List.copyOf(ntpChanges);
        tscAdjustRestores = tscAdjustRestores == null ? List.of() : List.copyOf(tscAdjustRestores);
    }

    /**
     * The TSC_ADJUST re-check restored a CPU's TSC_ADJUST ("TSC ADJUST differs: CPUn expected --> found.
     * Restoring"); written only when it did.
     */
    @JsonPropertyOrder({"timeNs", "cpu", "expectedCycles", "foundCycles"})
    public record TscAdjustRestore(BigDecimal timeNs, int cpu, long expectedCycles, long foundCycles) {
    }

    /**
     * The timekeeper changed mult to follow NTP: when, the NTP frequency it follows, the new mult; written
     * only when there were any.
     */
    @JsonPropertyOrder({"timeNs", "frequencyPpm", "mult"})
    public record NtpChange(BigDecimal timeNs, BigDecimal frequencyPpm, long mult) {
    }

    /** A clocksource switch at a true time, with the kernel's reason. */
    @JsonPropertyOrder({"timeNs", "from", "to", "reason"})
    public record Switch(BigDecimal timeNs, String from, String to, String reason) {
    }

    /** The boot-time TSC sync check: whether it ran, and its verdict per cpu. */
    @JsonPropertyOrder({"enabled", "cpus"})
    public record SyncCheck(boolean enabled, List<SyncCheckCpu> cpus) {
        public SyncCheck {
            cpus = List.copyOf(cpus);
        }

        public long withVerdict(String verdict) {
            return cpus.stream().filter(c -> c.verdict().equals(verdict)).count();
        }

        /** N of the kernel's "Measured N cycles TSC warp between CPUs": the failing CPU's last run; 0 when none failed. */
        public long measuredWarpCycles(String unstable) {
            return cpus.stream().filter(c -> c.verdict().equals(unstable)).mapToLong(SyncCheckCpu::warpCycles).max()
                    .orElse(0);
        }
    }

    /**
     * One CPU's boot-time warp test (kernel.KernelReport.SyncCheckResult).
     *
     * @param warpCycles     the last run's largest warp: the "Measured N cycles" of an unstable verdict
     * @param runWarpsCycles each run's largest warp, in order
     */
    @JsonPropertyOrder({"cpu", "verdict", "runs", "warpCycles", "compensationCycles", "runWarpsCycles"})
    public record SyncCheckCpu(int cpu, String verdict, int runs, long warpCycles, long compensationCycles,
                               List<Long> runWarpsCycles) {
    }

    /** The clocksource watchdog: whether it ran, and each of its checks. */
    @JsonPropertyOrder({"enabled", "checks"})
    public record Watchdog(boolean enabled, List<WatchdogCheck> checks) {
        public Watchdog {
            checks = List.copyOf(checks);
        }

        public long withVerdict(String verdict) {
            return checks.stream().filter(c -> c.verdict().equals(verdict)).count();
        }

        /** The check that marked the TSC unstable, if one did (the watchdog stops after it). */
        public Optional<WatchdogCheck> unstable(String verdict) {
            return checks.stream().filter(c -> c.verdict().equals(verdict)).findFirst();
        }
    }

    @JsonPropertyOrder({"timeNs", "cpu", "verdict", "skewNs"})
    public record WatchdogCheck(BigDecimal timeNs, int cpu, String verdict, BigDecimal skewNs) {
    }
}
