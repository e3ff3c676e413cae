package org.clocksim.report;

import org.clocksim.engine.SimulationMode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.clocksim.kernel.KernelReport;
import org.clocksim.observe.BackwardStats;
import org.clocksim.observe.Cause;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SourceResult;
import org.clocksim.observe.ThreadStats;
import org.clocksim.results.BackwardEventsCsvSummary;
import org.clocksim.results.BackwardSummary;
import org.clocksim.results.ClocksourceLatency;
import org.clocksim.results.CrossSourceSummary;
import org.clocksim.results.ErrorSummary;
import org.clocksim.results.KernelSummary;
import org.clocksim.results.LatencySummary;
import org.clocksim.results.ProgramSummary;
import org.clocksim.results.SourceSummary;
import org.clocksim.results.Summary;
import org.clocksim.results.SummaryFile;
import org.clocksim.results.ThreadSummary;
import org.clocksim.results.WindowsSummary;
import org.clocksim.run.RunResults;

/** Builds a run's {@link Summary} (summary.json) from its results; {@link SummaryFile} writes it. */
public final class SummaryJson {
    private SummaryJson() {
    }

    static void write(RunResults results, Path dir) throws IOException {
        SummaryFile.write(of(results), dir);
    }

    /** The summary as the JSON tree summary.json holds. */
    public static JsonNode toJson(RunResults results) {
        return SummaryFile.toJson(of(results));
    }

    public static Summary of(RunResults results) {
        Map<String, SourceSummary> sources = new LinkedHashMap<>();
        Map<String, BackwardSummary> crossThread = new LinkedHashMap<>();
        for (SourceResult source : results.sources()) {
            sources.put(source.source().id(), source(source, results.kernel(),
                    results.experiment().simulation() == SimulationMode.FAST));
            if (source.crossThread() != null) {
                crossThread.put(source.source().id(), backward(source.crossThread()));
            }
        }
        Map<String, CrossSourceSummary> crossSource = new LinkedHashMap<>();
        for (CrossSourceStats pair : results.crossSource()) {
            crossSource.put(pair.from().id() + "->" + pair.to().id(),
                    new CrossSourceSummary(pair.comparisons(), pair.violations(), Numbers.decimal(pair.maxNs())));
        }
        ProgramSummary program = null;
        if (results.program() != null) {
            Map<String, BigDecimal> figures = new LinkedHashMap<>();
            results.program().details().forEach((key, value) -> figures.put(key, Numbers.decimal(value)));
            program = new ProgramSummary(results.program().program().id(), results.program().verdict(), figures);
        }
        BackwardEventsCsvSummary csv = new BackwardEventsCsvSummary(results.experiment().output().maxBackwardEvents(),
                results.sources().stream().mapToLong(s -> s.events().size()).sum(),
                results.sources().stream().mapToLong(SourceResult::eventsTotal).sum());
        return new Summary(SummaryFile.FORMAT_VERSION, results.experiment().name(),
                results.experiment().description(), results.experiment().seed(), results.replication(),
                Numbers.decimalNsOfPs(results.experiment().durationPs()), sources, crossThread, crossSource, program,
                csv, kernel(results.kernel()));
    }

    private static SourceSummary source(SourceResult source, KernelReport kernel, boolean fast) {
        boolean time = source.readsTime();
        BackwardStats thread = source.thread();
        Map<String, Long> causes = null;
        if (time) {
            causes = new LinkedHashMap<>();
            for (Cause cause : Cause.values()) {
                Long count = source.causes().get(cause);
                if (count != null) {
                    causes.put(cause.id(), count);
                }
            }
        }
        List<ThreadSummary> threads = new ArrayList<>();
        for (ThreadStats t : source.threads()) {
            threads.add(new ThreadSummary(t.thread(), t.reads(), t.migrations(), t.backwardEvents(),
                    Numbers.decimal(t.maxBackwardNs())));
        }
        return new SourceSummary(source.reads(),
                time ? thread.comparisons() : null,
                time ? thread.backwardEvents() : null,
                time ? Numbers.decimal(thread.perMillion()) : null,
                time ? Numbers.decimal(thread.maxBackwardNs()) : null,
                causes,
                time ? null : source.kernel().staleCpu(),
                source.kernel().failedReads(), source.kernel().retries(), latency(source.latencyPs()),
                time ? new ErrorSummary(Numbers.decimal(source.error().meanNs()),
                        Numbers.decimal(source.error().maxAbsNs())) : null,
                source.migratedReads(),
                time ? new WindowsSummary(source.windows().windows(), source.windows().failing()) : null,
                source.cpuChangesSeen() >= 0 ? source.cpuChangesSeen() : null,
                threads, latencyByClocksource(source, kernel),
                fast ? Numbers.decimal(source.reads() == 0 ? 0 : (double) source.aggregatedReads() / source.reads())
                        : null);
    }

    private static LatencySummary latency(Histogram h) {
        return new LatencySummary(Numbers.decimal(h.getMean() / 1000.0), percentileNs(h, 50), percentileNs(h, 90),
                percentileNs(h, 99), percentileNs(h, 99.9), Numbers.decimal(h.getMaxValue() / 1000.0));
    }

    /** The latency while the kernel was on each clocksource, in the order it used them. */
    private static List<ClocksourceLatency> latencyByClocksource(SourceResult source, KernelReport kernel) {
        List<ClocksourceLatency> epochs = new ArrayList<>();
        List<Histogram> histograms = source.latencyByClocksource();
        for (int switches = 0; switches < histograms.size(); switches++) {
            Histogram h = histograms.get(switches);
            if (h.getTotalCount() > 0) {
                epochs.add(new ClocksourceLatency(kernel.clocksourceAfter(switches).id(), h.getTotalCount(),
                        latency(h)));
            }
        }
        return epochs;
    }

    private static BackwardSummary backward(BackwardStats stats) {
        return new BackwardSummary(stats.comparisons(), stats.backwardEvents(), Numbers.decimal(stats.perMillion()),
                Numbers.decimal(stats.maxBackwardNs()));
    }

    private static BigDecimal percentileNs(Histogram h, double percentile) {
        return Numbers.decimal(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static KernelSummary kernel(KernelReport kernel) {
        List<KernelSummary.Switch> switches = kernel.switches().stream().map(s -> new KernelSummary.Switch(
                Numbers.decimalNsOfPs(s.timePs()), s.from().id(), s.to().id(), s.reason())).toList();
        List<KernelSummary.SyncCheckCpu> cpus = kernel.syncCheck().stream().map(r -> new KernelSummary.SyncCheckCpu(
                r.cpu(), r.verdict().id(), r.runs(), r.warpCycles(), r.compensationCycles(), r.runWarpsCycles())).toList();
        List<KernelSummary.WatchdogCheck> checks = kernel.watchdog().stream().map(c -> new KernelSummary.WatchdogCheck(
                Numbers.decimalNsOfPs(c.timePs()), c.cpu(), c.verdict().id(), Numbers.decimal(c.skewNs()))).toList();
        return new KernelSummary(kernel.finalClocksource().id(), switches,
                new KernelSummary.SyncCheck(kernel.syncCheckEnabled(), cpus),
                new KernelSummary.Watchdog(kernel.watchdogEnabled(), checks), kernel.ticks(), kernel.ntpMultChanges(),
                kernel.ntpChanges().stream().map(c -> new KernelSummary.NtpChange(Numbers.decimalNsOfPs(c.timePs()),
                        Numbers.decimal(c.frequencyPpm()), c.mult())).toList(),
                kernel.tscAdjustRestores().stream().map(r -> new KernelSummary.TscAdjustRestore(
                        Numbers.decimalNsOfPs(r.timePs()), r.cpu(), r.expectedCycles(), r.foundCycles())).toList());
    }
}
