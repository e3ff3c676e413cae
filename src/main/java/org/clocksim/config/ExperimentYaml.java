package org.clocksim.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.hw.TscSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.run.Experiment;
import org.clocksim.run.OutputSpec;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/**
 * Writes an experiment as the fully resolved config: every key, every default filled in,
 * canonical units, in schema order. Deterministic, and {@link ExperimentLoader#parse} of the
 * output gives back an equal experiment.
 */
public final class ExperimentYaml {

    private final StringBuilder out = new StringBuilder();

    private ExperimentYaml() {
    }

    public static String toYaml(Experiment e) {
        ExperimentYaml yaml = new ExperimentYaml();
        yaml.top(e);
        return yaml.out.toString();
    }

    private void top(Experiment e) {
        line(0, "name", YamlText.string(e.name()));
        line(0, "description", YamlText.string(e.description()));
        line(0, "seed", Long.toString(e.seed()));
        line(0, "duration", Units.formatDuration(e.durationPs()));
        line(0, "latency", e.latency().id());
        line(0, "machine", "");
        line(1, "sockets", Integer.toString(e.machine().sockets()));
        line(1, "coresPerSocket", Integer.toString(e.machine().coresPerSocket()));
        tsc(e.machine().tsc());
        timer("hpet", e.machine().hpet());
        timer("acpiPm", e.machine().acpiPm());
        line(1, "events", YamlText.flowList(e.machine().events(), w -> "{at: " + Units.formatDuration(w.atPs())
                + ", core: " + w.core() + ", tscWrite: " + Units.formatDuration(w.deltaPs()) + "}"));
        kernel(e.kernel());
        scheduler(e);
        workload(e.workload());
        line(0, "sources", "");
        for (Map.Entry<SourceId, SourceSpec> source : e.sources().entrySet()) {
            line(1, source.getKey().id(), "");
            line(2, "latency", distribution(source.getValue().latency()));
            if (source.getKey().clockSelectable()) {
                line(2, "clock", source.getValue().clock().id());
            }
        }
        line(0, "output", "");
        line(1, "maxBackwardEvents", Integer.toString(e.output().maxBackwardEvents()));
        line(1, "skewSamples", Integer.toString(e.output().skewSamples()));
        line(1, "traceThread", e.output().traceThread() == OutputSpec.AUTO_TRACE_THREAD
                ? ExperimentReader.AUTO : Integer.toString(e.output().traceThread()));
    }

    private void tsc(TscSpec tsc) {
        line(1, "tsc", "");
        line(2, "frequency", Units.formatFrequency(tsc.frequencyHz()));
        line(2, "socketOffset", YamlText.flowList(tsc.socketOffsetPs(), Units::formatDuration));
        line(2, "coreOffset", Units.formatDuration(tsc.coreOffsetStdDevPs()));
        line(2, "drift", Units.formatPpm(tsc.driftPpm()));
        line(2, "socketDrift", YamlText.flowList(tsc.socketDriftPpm(), Units::formatPpm));
        line(2, "wander", Units.formatPpm(tsc.wanderPpmPerSqrtS()));
        line(2, "wanderInterval", Units.formatDuration(tsc.wanderIntervalPs()));
        line(2, "invariant", Boolean.toString(tsc.invariant()));
        line(2, "tscAdjust", Boolean.toString(tsc.tscAdjust()));
        if (!tsc.invariant()) {
            PStateSpec pstates = tsc.pstates();
            line(2, "pstates", YamlText.flowList(pstates.changes(), c -> "{at: " + Units.formatDuration(c.atPs())
                    + ", socket: " + c.socket() + ", frequency: " + Units.formatFrequency(c.frequencyHz()) + "}"));
            if (pstates.ratePerSecond() > 0) {
                line(2, "pstateRate", Units.formatRate(pstates.ratePerSecond()));
            }
            line(2, "pstateFrequencies", YamlText.flowList(pstates.frequenciesHz(), Units::formatFrequency));
        }
    }

    private void timer(String key, PlatformTimerSpec timer) {
        line(1, key, "");
        line(2, "frequency", Units.formatFrequency(timer.frequencyHz()));
        line(2, "drift", Units.formatPpm(timer.driftPpm()));
        line(2, "readLatency", distribution(timer.readLatency()));
    }

    private void kernel(KernelSpec k) {
        line(0, "kernel", "");
        line(1, "hz", Integer.toString(k.hz()));
        line(1, "timekeepingCpu", Integer.toString(k.timekeepingCpu()));
        line(1, "tickLatency", Units.formatDuration(k.tickLatencyPs()));
        line(1, "clocksource", k.clocksource());
        line(1, "fallbackClocksource", k.fallbackClocksource());
        line(1, "publishTime", Units.formatDuration(k.publishTimePs()));
        line(1, "dataPageMiss", Units.formatDuration(k.dataPageMissPs()));
        line(1, "wallClockStart", YamlText.string(Instant.ofEpochSecond(0, k.wallClockStartNs()).toString()));
        line(1, "vsyscall", k.vsyscall().id());
        line(1, "ntp", "");
        line(2, "frequency", Units.formatPpm(k.ntp().frequencyPpm()));
        line(2, "flipEvery", Units.formatDuration(k.ntp().flipEveryPs()));
        line(2, "changes", YamlText.flowList(k.ntp().changes(), c -> "{at: " + Units.formatDuration(c.atPs())
                + ", frequency: " + Units.formatPpm(c.frequencyPpm()) + "}"));
        line(1, "ntpUpdate", k.ntpUpdate().id());
        line(1, "tsc", k.tscReliable() ? KernelReader.RELIABLE : KernelReader.NORMAL);
        line(1, "tscSyncCheck", Boolean.toString(k.tscSyncCheck()));
        line(1, "syncCheckDuration", autoOr(k.syncCheckPs()));
        line(1, "syncCheckHandoff", distribution(k.syncCheckHandoff()));
        line(1, "watchdog", k.watchdog().id());
        line(1, "watchdogInterval", Units.formatDuration(k.watchdogIntervalPs()));
        line(1, "watchdogMargin", autoOr(k.watchdogMarginPs()));
    }

    private static String autoOr(long ps) {
        return ps == 0 ? KernelReader.AUTO : Units.formatDuration(ps);
    }

    private void scheduler(Experiment e) {
        List<Integer> placement = e.scheduler().placement();
        MigrationSpec migration = e.scheduler().migration();
        MigrationPolicy policy = migration.policy();
        line(0, "scheduler", "");
        line(1, "placement", placement.isEmpty() ? SchedulerReader.ROUND_ROBIN
                : YamlText.flowList(placement, String::valueOf));
        line(1, "migration", "");
        line(2, "policy", policy.id());
        if (policy == MigrationPolicy.POISSON) {
            line(2, "rate", Units.formatRate(migration.ratePerSecond()));
        }
        if (policy == MigrationPolicy.PERIODIC || policy == MigrationPolicy.PING_PONG
                || policy == MigrationPolicy.ALL_PAIRS) {
            line(2, "interval", Units.formatDuration(migration.intervalPs()));
        }
        if (policy == MigrationPolicy.PING_PONG) {
            line(2, "cores", YamlText.flowList(migration.cores(), String::valueOf));
        }
        line(2, "gap", distribution(migration.gap()));
    }

    private void workload(WorkloadSpec w) {
        line(0, "workload", "");
        line(1, "threads", Integer.toString(w.threads()));
        line(1, "pattern", w.pattern().id());
        line(1, "handoffLatency", distribution(w.handoffLatency()));
        line(1, "handoffOrder", w.handoffOrder().id());
        line(1, "thinkTime", distribution(w.thinkTime()));
        line(1, "sources", YamlText.flowList(w.sources(), SourceId::id));
        line(1, "calibrationError", Units.formatPpm(w.calibrationErrorPpm()));
        line(1, "mode", w.mode().id());
        line(1, "program", w.program().id());
    }

    /** A fixed value as a plain duration; anything else as a flow map in {@link DistributionType} key order. */
    static String distribution(Distribution d) {
        if (d instanceof Distribution.Fixed fixed) {
            return Units.formatDuration(fixed.value());
        }
        Distribution body = d instanceof Distribution.WithTail tail ? tail.body() : d;
        DistributionType type = DistributionType.of(body);
        StringBuilder map = new StringBuilder("{").append(DistributionType.TYPE).append(": ").append(type.id());
        if (body instanceof Distribution.Fixed fixed) {
            param(map, "value", Units.formatDuration(fixed.value()));
        } else if (body instanceof Distribution.Exponential exponential) {
            param(map, "mean", Units.formatDuration(exponential.mean()));
        } else if (body instanceof Distribution.Uniform uniform) {
            param(map, "min", Units.formatDuration(uniform.min()));
            param(map, "max", Units.formatDuration(uniform.max()));
        } else if (body instanceof Distribution.LogNormal logNormal) {
            param(map, "median", Units.formatDuration(logNormal.median()));
            param(map, "sigma", Units.formatNumber(logNormal.sigma()));
        }
        if (d instanceof Distribution.WithTail tail) {
            param(map, DistributionType.TAIL_PROBABILITY, Units.formatNumber(tail.probability()));
            param(map, DistributionType.TAIL_MEAN, Units.formatDuration(tail.tailMean()));
        }
        return map.append('}').toString();
    }

    private static void param(StringBuilder map, String key, String value) {
        map.append(", ").append(key).append(": ").append(value);
    }

    /** {@code key: value} at the given depth; an empty value opens a nested mapping. */
    private void line(int depth, String key, String value) {
        out.append("  ".repeat(depth)).append(key).append(':');
        if (!value.isEmpty()) {
            out.append(' ').append(value);
        }
        out.append('\n');
    }
}
