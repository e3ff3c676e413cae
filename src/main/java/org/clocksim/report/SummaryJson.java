package org.clocksim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.clocksim.kernel.KernelReport;
import org.clocksim.observe.BackwardStats;
import org.clocksim.observe.Cause;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SourceResult;
import org.clocksim.observe.ThreadStats;
import org.clocksim.run.RunResults;

/** summary.json, field by field as the output contract in DESIGN.md lists it. */
public final class SummaryJson {
    static final String FILE = "summary.json";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private SummaryJson() {
    }

    static void write(RunResults results, Path dir) throws IOException {
        MAPPER.writeValue(dir.resolve(FILE).toFile(), toJson(results));
    }

    public static ObjectNode toJson(RunResults results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("experiment", results.experiment().name());
        root.put("description", results.experiment().description());
        root.put("seed", results.experiment().seed());
        root.put("replication", results.replication());
        root.put("durationNs", Numbers.decimalNsOfPs(results.experiment().durationPs()));
        ObjectNode sources = root.putObject("sources");
        for (SourceResult source : results.sources()) {
            ObjectNode node = source(source);
            node.set("latencyByClocksource", latencyByClocksource(source, results.kernel()));
            sources.set(source.source().id(), node);
        }
        ObjectNode crossThread = root.putObject("crossThread");
        for (SourceResult source : results.sources()) {
            if (source.crossThread() != null) {
                putBackward(crossThread.putObject(source.source().id()), source.crossThread());
            }
        }
        ObjectNode crossSource = root.putObject("crossSource");
        for (CrossSourceStats pair : results.crossSource()) {
            ObjectNode node = crossSource.putObject(pair.from().id() + "->" + pair.to().id());
            node.put("comparisons", pair.comparisons());
            node.put("violations", pair.violations());
            node.put("maxNs", Numbers.decimal(pair.maxNs()));
        }
        if (results.program() != null) {
            ObjectNode program = root.putObject("program");
            program.put("name", results.program().program().id());
            program.put("verdict", results.program().verdict());
            results.program().details().forEach((key, value) -> program.put(key, Numbers.decimal(value)));
        }
        ObjectNode csv = root.putObject("backwardEventsCsv");
        csv.put("capPerSource", results.experiment().output().maxBackwardEvents());
        csv.put("rows", results.sources().stream().mapToLong(s -> s.events().size()).sum());
        csv.put("total", results.sources().stream().mapToLong(SourceResult::eventsTotal).sum());
        root.set("kernel", kernel(results.kernel()));
        return root;
    }

    private static ObjectNode source(SourceResult source) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("reads", source.reads());
        if (source.readsTime()) {
            putBackward(node, source.thread());
            ObjectNode causes = node.putObject("backwardByCause");
            for (Cause cause : Cause.values()) {
                Long count = source.causes().get(cause);
                if (count != null) {
                    causes.put(cause.id(), count);
                }
            }
        } else {
            node.put("staleCpu", source.kernel().staleCpu());
        }
        node.put("failedReads", source.kernel().failedReads());
        node.put("seqcountRetries", source.kernel().retries());
        putLatency(node.putObject("latencyNs"), source.latencyPs());
        if (source.readsTime()) {
            ObjectNode error = node.putObject("errorNs");
            error.put("mean", Numbers.decimal(source.error().meanNs()));
            error.put("maxAbs", Numbers.decimal(source.error().maxAbsNs()));
        }
        node.put("migratedReads", source.migratedReads());
        if (source.readsTime()) {
            ObjectNode windows = node.putObject("windows64");
            windows.put("windows", source.windows().windows());
            windows.put("failing", source.windows().failing());
        }
        if (source.cpuChangesSeen() >= 0) {
            node.put("cpuChangesSeen", source.cpuChangesSeen());
        }
        ArrayNode threads = node.putArray("threads");
        for (ThreadStats t : source.threads()) {
            ObjectNode thread = threads.addObject();
            thread.put("thread", t.thread());
            thread.put("reads", t.reads());
            thread.put("migrations", t.migrations());
            thread.put("backwardEvents", t.backwardEvents());
            thread.put("maxBackwardNs", Numbers.decimal(t.maxBackwardNs()));
        }
        return node;
    }

    private static void putLatency(ObjectNode latency, Histogram h) {
        latency.put("mean", Numbers.decimal(h.getMean() / 1000.0));
        latency.put("p50", percentileNs(h, 50));
        latency.put("p90", percentileNs(h, 90));
        latency.put("p99", percentileNs(h, 99));
        latency.put("p999", percentileNs(h, 99.9));
        latency.put("max", Numbers.decimal(h.getMaxValue() / 1000.0));
    }

    /** The latency while the kernel was on each clocksource, in the order it used them. */
    private static ArrayNode latencyByClocksource(SourceResult source, KernelReport kernel) {
        ArrayNode array = MAPPER.createArrayNode();
        List<Histogram> epochs = source.latencyByClocksource();
        for (int switches = 0; switches < epochs.size(); switches++) {
            Histogram h = epochs.get(switches);
            if (h.getTotalCount() == 0) {
                continue;
            }
            ObjectNode epoch = array.addObject();
            epoch.put("clocksource", kernel.clocksourceAfter(switches).id());
            epoch.put("reads", h.getTotalCount());
            putLatency(epoch.putObject("latencyNs"), h);
        }
        return array;
    }

    private static void putBackward(ObjectNode node, BackwardStats stats) {
        node.put("comparisons", stats.comparisons());
        node.put("backwardEvents", stats.backwardEvents());
        node.put("backwardPerMillion", Numbers.decimal(stats.perMillion()));
        node.put("maxBackwardNs", Numbers.decimal(stats.maxBackwardNs()));
    }

    private static BigDecimal percentileNs(Histogram h, double percentile) {
        return Numbers.decimal(h.getValueAtPercentile(percentile) / 1000.0);
    }

    private static ObjectNode kernel(KernelReport kernel) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("finalClocksource", kernel.finalClocksource().id());
        ArrayNode switches = node.putArray("switches");
        for (KernelReport.ClocksourceSwitch s : kernel.switches()) {
            ObjectNode entry = switches.addObject();
            entry.put("timeNs", Numbers.decimalNsOfPs(s.timePs()));
            entry.put("from", s.from().id());
            entry.put("to", s.to().id());
            entry.put("reason", s.reason());
        }
        ObjectNode syncCheck = node.putObject("syncCheck");
        syncCheck.put("enabled", kernel.syncCheckEnabled());
        ArrayNode cpus = syncCheck.putArray("cpus");
        for (KernelReport.SyncCheckResult r : kernel.syncCheck()) {
            ObjectNode cpu = cpus.addObject();
            cpu.put("cpu", r.cpu());
            cpu.put("verdict", r.verdict().id());
            cpu.put("runs", r.runs());
            cpu.put("warpCycles", r.warpCycles());
            cpu.put("compensationCycles", r.compensationCycles());
        }
        ObjectNode watchdog = node.putObject("watchdog");
        watchdog.put("enabled", kernel.watchdogEnabled());
        ArrayNode checks = watchdog.putArray("checks");
        for (KernelReport.WatchdogCheck c : kernel.watchdog()) {
            ObjectNode check = checks.addObject();
            check.put("timeNs", Numbers.decimalNsOfPs(c.timePs()));
            check.put("cpu", c.cpu());
            check.put("verdict", c.verdict().id());
            check.put("skewNs", Numbers.decimal(c.skewNs()));
        }
        node.put("ticks", kernel.ticks());
        node.put("ntpMultChanges", kernel.ntpMultChanges());
        return node;
    }
}
