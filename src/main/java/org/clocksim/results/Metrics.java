package org.clocksim.results;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.clocksim.kernel.SyncCheckVerdict;
import org.clocksim.kernel.WatchdogVerdict;
import org.clocksim.observe.Cause;
import org.clocksim.results.SourceMetric.Presence;

/**
 * The metric catalogue: every figure of a summary that expectations ({@code expect:}), sweeps
 * (sweep.csv's metric column) and reports name, defined once with where it lives in the records.
 */
public final class Metrics {
    public static final SourceMetric READS = field("reads", SourceSummary::reads)
            .sweptAs("reads", "Reads", "reads", false);
    public static final SourceMetric BACKWARD_EVENTS = time("backwardEvents", SourceSummary::backwardEvents)
            .sweptAs("backwardEvents", "Backward events", "backward events", false);
    public static final SourceMetric BACKWARD_PER_MILLION = time("backwardPerMillion",
            SourceSummary::backwardPerMillion).sweptAs("backwardPerMillion", "Backward events per million reads",
            "backward / million", false);
    public static final SourceMetric MAX_BACKWARD = time("maxBackwardNs", SourceSummary::maxBackwardNs)
            .sweptAs("maxBackwardNs", "Largest backward step", "max backward", true);
    public static final SourceMetric LATENCY_P50 = latency("p50", LatencySummary::p50)
            .sweptAs("latencyP50Ns", "Read latency, median", "latency p50", true);
    public static final SourceMetric LATENCY_P99 = latency("p99", LatencySummary::p99)
            .sweptAs("latencyP99Ns", "Read latency, 99th percentile", "latency p99", true);
    public static final SourceMetric ERROR_MAX_ABS = error("maxAbs", ErrorSummary::maxAbs)
            .sweptAs("errorMaxAbsNs", "Largest error against true time", "error max abs", true);
    public static final SourceMetric CROSS_PER_MILLION = crossThread("backwardPerMillion",
            BackwardSummary::backwardPerMillion).sweptAs("crossThreadBackwardPerMillion",
            "Cross-thread backward events per million hand-offs", "cross-thread backward / million", false);
    public static final SourceMetric CROSS_MAX_BACKWARD = crossThread("maxBackwardNs", BackwardSummary::maxBackwardNs)
            .sweptAs("crossThreadMaxBackwardNs", "Largest cross-thread backward step", "cross-thread max backward",
                    true);

    /** Every source metric, in the order the expectation reference lists them. */
    public static final List<SourceMetric> SOURCE = Stream.of(Stream.of(READS,
            time("comparisons", SourceSummary::comparisons), BACKWARD_EVENTS, BACKWARD_PER_MILLION, MAX_BACKWARD,
            field("failedReads", SourceSummary::failedReads), field("seqcountRetries", SourceSummary::seqcountRetries),
            latency("mean", LatencySummary::mean), LATENCY_P50, latency("p90", LatencySummary::p90), LATENCY_P99,
            latency("p999", LatencySummary::p999), latency("max", LatencySummary::max),
            error("mean", ErrorSummary::mean), ERROR_MAX_ABS,
            field("migratedReads", SourceSummary::migratedReads), field("cpuChangesSeen", Presence.CPU_ID_WITH_TIME,
                    SourceSummary::cpuChangesSeen),
            field("staleCpu", Presence.GETCPU, SourceSummary::staleCpu),
            windows("windows", WindowsSummary::windows), windows("failing", WindowsSummary::failing),
            crossThread("comparisons", BackwardSummary::comparisons),
            crossThread("backwardEvents", BackwardSummary::backwardEvents), CROSS_PER_MILLION, CROSS_MAX_BACKWARD),
            Arrays.stream(Cause.values()).map(Metrics::cause)).flatMap(s -> s).toList();
    /** The source metrics a sweep aggregates, in sweep.csv's order. */
    public static final List<SourceMetric> SWEPT = List.of(READS, BACKWARD_EVENTS, BACKWARD_PER_MILLION, MAX_BACKWARD,
            LATENCY_P50, LATENCY_P99, ERROR_MAX_ABS, CROSS_PER_MILLION, CROSS_MAX_BACKWARD);

    /** The kernel's figures. */
    public static final List<FieldMetric<KernelSummary>> KERNEL = List.of(
            new FieldMetric<>("finalClocksource", KernelSummary::finalClocksource),
            new FieldMetric<>("switches", k -> k.switches().size()),
            new FieldMetric<>("ticks", KernelSummary::ticks),
            new FieldMetric<>("ntpMultChanges", KernelSummary::ntpMultChanges),
            new FieldMetric<>("syncCheck.enabled", k -> k.syncCheck().enabled()),
            new FieldMetric<>("syncCheck.unstable", k -> k.syncCheck().withVerdict(SyncCheckVerdict.UNSTABLE.id())),
            new FieldMetric<>("syncCheck.compensated",
                    k -> k.syncCheck().withVerdict(SyncCheckVerdict.COMPENSATED.id())),
            new FieldMetric<>("syncCheck.synchronized",
                    k -> k.syncCheck().withVerdict(SyncCheckVerdict.SYNCHRONIZED.id())),
            new FieldMetric<>("syncCheck.skipped", k -> k.syncCheck().withVerdict(SyncCheckVerdict.SKIPPED.id())),
            new FieldMetric<>("syncCheck.measuredWarpCycles",
                    k -> k.syncCheck().measuredWarpCycles(SyncCheckVerdict.UNSTABLE.id())),
            new FieldMetric<>("tscAdjustRestores", k -> k.tscAdjustRestores().size()),
            new FieldMetric<>("watchdog.enabled", k -> k.watchdog().enabled()),
            new FieldMetric<>("watchdog.checks", k -> k.watchdog().checks().size()),
            new FieldMetric<>("watchdog.unstable", k -> k.watchdog().withVerdict(WatchdogVerdict.UNSTABLE.id())),
            new FieldMetric<>("watchdog.skipped", k -> k.watchdog().withVerdict(WatchdogVerdict.SKIPPED.id())),
            new FieldMetric<>("watchdog.unstableCpu", k -> unstableCheck(k).map(KernelSummary.WatchdogCheck::cpu)
                    .orElse(null)),
            new FieldMetric<>("watchdog.unstableSkewNs", k -> unstableCheck(k).map(KernelSummary.WatchdogCheck::skewNs)
                    .orElse(null)));

    /** The figures of a pair of sources ({@code crossSource}). */
    public static final List<FieldMetric<CrossSourceSummary>> CROSS_SOURCE = List.of(
            new FieldMetric<>("comparisons", CrossSourceSummary::comparisons),
            new FieldMetric<>("violations", CrossSourceSummary::violations),
            new FieldMetric<>("maxNs", CrossSourceSummary::maxNs));

    private Metrics() {
    }

    /** The check that marked the TSC unstable: its CPU and the skew the kernel printed (0 for a read-back delay). */
    private static Optional<KernelSummary.WatchdogCheck> unstableCheck(KernelSummary kernel) {
        return kernel.watchdog().unstable(WatchdogVerdict.UNSTABLE.id());
    }

    public static Optional<SourceMetric> source(String name) {
        return SOURCE.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public static <T> Optional<FieldMetric<T>> named(List<FieldMetric<T>> metrics, String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A check program's figure: its name, its verdict, or one of the numbers it decided on. */
    public static FieldMetric<ProgramSummary> program(String name) {
        return new FieldMetric<>(name, p -> switch (name) {
            case "name" -> p.name();
            case "verdict" -> p.verdict();
            default -> p.figures().get(name);
        });
    }

    public static List<String> sourceNames() {
        return SOURCE.stream().map(SourceMetric::name).toList();
    }

    public static <T> List<String> names(List<FieldMetric<T>> metrics) {
        return metrics.stream().map(FieldMetric::name).toList();
    }

    /** The sweep names of {@link #SWEPT}. */
    public static List<String> sweptNames() {
        return SWEPT.stream().map(SourceMetric::sweepName).toList();
    }

    private static SourceMetric field(String name, Function<SourceSummary, Object> value) {
        return field(name, Presence.ALWAYS, value);
    }

    private static SourceMetric field(String name, Presence presence, Function<SourceSummary, Object> value) {
        return new SourceMetric(name, null, null, null, false, presence,
                (summary, id) -> summary.source(id).map(value).map(MetricValue::of));
    }

    private static SourceMetric time(String name, Function<SourceSummary, Object> value) {
        return field(name, Presence.READS_TIME, value);
    }

    private static SourceMetric latency(String name, Function<LatencySummary, Object> value) {
        return field("latencyNs." + name, s -> s.latencyNs() == null ? null : value.apply(s.latencyNs()));
    }

    private static SourceMetric error(String name, Function<ErrorSummary, Object> value) {
        return time("errorNs." + name, s -> s.errorNs() == null ? null : value.apply(s.errorNs()));
    }

    private static SourceMetric windows(String name, Function<WindowsSummary, Object> value) {
        return time("windows64." + name, s -> s.windows64() == null ? null : value.apply(s.windows64()));
    }

    private static SourceMetric crossThread(String name, Function<BackwardSummary, Object> value) {
        return new SourceMetric("crossThread." + name, null, null, null, false, Presence.HANDED_OVER,
                (summary, id) -> summary.crossThreadOf(id).map(value).map(MetricValue::of));
    }

    /** Backward events of a cause; 0 for a cause that never occurred in a source the run had. */
    private static SourceMetric cause(Cause cause) {
        return time("backwardByCause." + cause.id(), s -> s.backwardOfCause(cause.id()));
    }
}
