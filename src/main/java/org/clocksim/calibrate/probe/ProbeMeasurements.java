package org.clocksim.calibrate.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clocksim.calibrate.fit.Percentiles;
import org.clocksim.results.ResultsJson;

/**
 * What the native probe measured: its JSON output (probe.c), as records. Times in nanoseconds
 * unless a name says cycles; latencies already less the timer's own cost.
 */
public record ProbeMeasurements(int probeFormat, long budgetMs, long coarseResolutionNs, Ntp ntp,
                                String vsyscallMapping, double tscGhzMeasured, long tscWindowNs, double timerCostNs,
                                double batchOverheadNs, List<SourceLatency> latency, List<WarpPair> warp,
                                MigrationGap forcedMigration, NaturalMigration naturalMigration,
                                List<WindowCheck> inconsistencyCheck, Map<String, BracketCheck> vdsoCorrectness) {
    private static final ObjectMapper JSON = ResultsJson.MAPPER;

    public ProbeMeasurements {
        latency = latency == null ? List.of() : List.copyOf(latency);
        warp = warp == null ? List.of() : List.copyOf(warp);
        inconsistencyCheck = inconsistencyCheck == null ? List.of() : List.copyOf(inconsistencyCheck);
        vdsoCorrectness = vdsoCorrectness == null ? Map.of() : Map.copyOf(vdsoCorrectness);
    }

    public static ProbeMeasurements parse(String json) throws IOException {
        return JSON.readValue(json, ProbeMeasurements.class);
    }

    /** The kernel's NTP state from adjtimex(modes = 0): the return value (5 = TIME_ERROR, clock unsynchronised), frequency, status bits. */
    public record Ntp(int state, double frequencyPpm, int status, long offsetUs, long maxErrorUs) {
        /** STA_UNSYNC (0x40): the kernel's clock is not being disciplined. */
        public boolean synchronised() {
            return (status & 0x40) == 0;
        }
    }

    /** One source's latency: single calls timed with serialised rdtsc/rdtscp, and the batched median. */
    public record SourceLatency(String source, long calls, double batchedMedianNs, double meanNs, double p50Ns,
                                double p75Ns, double p90Ns, double p99Ns, double p999Ns, double p9999Ns,
                                double maxNs) {
        public Percentiles percentiles() {
            return new Percentiles(p50Ns, p75Ns, p90Ns, p99Ns, p999Ns, p9999Ns);
        }
    }

    /**
     * The lock hand-off between two pinned CPUs: backward steps (warps), and the smallest signed step
     * each way (a warp is a negative step). With B's counter = A's + offset, a step from A to B is
     * elapsed + offset and one from B to A is elapsed − offset, elapsed > 0, so
     * −minStepBtoA < offset < minStepAtoB: an offset larger than the hand-off shows as warps one way,
     * and the bound then excludes 0. A direction never seen is null; {@code error} says why the pair
     * was not measured (a thread could not be pinned: the CPU went offline), else null.
     */
    public record WarpPair(int cpuA, int cpuB, long handoffs, long warps, long maxWarpCycles, Long minStepAtoBCycles,
                           Long minStepBtoACycles, String error) {
        /** B's offset from A lies in [low, high] cycles; empty when a direction was never seen. */
        public Optional<double[]> offsetBoundCycles() {
            if (minStepAtoBCycles == null || minStepBtoACycles == null) {
                return Optional.empty();
            }
            return Optional.of(new double[] {-minStepBtoACycles, minStepAtoBCycles});
        }
    }

    /** The gap of a forced sched_setaffinity move: last read on the old CPU to first on the new one. */
    public record MigrationGap(int moves, double p50Ns, double p90Ns, double maxNs) {
    }

    /** A busy thread left to the scheduler on the chosen CPUs: how often it moved. */
    public record NaturalMigration(double seconds, long migrations) {
        public double ratePerSecond() {
            return seconds > 0 ? migrations / seconds : 0;
        }
    }

    /** inconsistency-check: windows of 64 readings of one clock; a failing one decreased somewhere. */
    public record WindowCheck(String clock, long windows, long failing) {
    }

    /** vdso_test_correctness: readings that did not lie between their two bracketing syscall readings. */
    public record BracketCheck(long comparisons, long violations) {
    }
}
