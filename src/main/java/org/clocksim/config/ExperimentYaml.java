package org.clocksim.config;

import java.util.Map;
import java.util.stream.IntStream;
import org.clocksim.config.ConfigSchema.Hypervisor;
import org.clocksim.config.ConfigSchema.Kernel;
import org.clocksim.config.ConfigSchema.Machine;
import org.clocksim.config.ConfigSchema.Ntp;
import org.clocksim.config.ConfigSchema.Output;
import org.clocksim.config.ConfigSchema.Scheduler;
import org.clocksim.config.ConfigSchema.Sources;
import org.clocksim.config.ConfigSchema.Top;
import org.clocksim.config.ConfigSchema.Tsc;
import org.clocksim.config.ConfigSchema.Workload;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.hw.ReturnDelay;
import org.clocksim.hw.TscSpec;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.hw.kvm.PvclockSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.experiment.Experiment;
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
        line(0, Top.NAME, e.name());
        line(0, Top.DESCRIPTION, e.description());
        line(0, Top.SEED, e.seed());
        line(0, Top.DURATION, e.durationPs());
        line(0, Top.LATENCY, e.latency());
        line(0, Top.SIMULATION, e.simulation());
        open(0, Machine.GROUP);
        line(1, Machine.SOCKETS, e.machine().sockets());
        line(1, Machine.CORES_PER_SOCKET, e.machine().coresPerSocket());
        tsc(e.machine().tsc());
        timer(Machine.HPET, e.machine().hpet());
        timer(Machine.ACPI_PM, e.machine().acpiPm());
        line(1, Machine.EVENTS.name(), YamlText.flowList(e.machine().events(), w -> flowMap(
                entry(Machine.EVENT_AT, w.atPs()), entry(Machine.EVENT_CORE, w.core()),
                entry(Machine.EVENT_TSC_WRITE, w.deltaPs()))));
        hypervisor(e.machine().hypervisor(), e.machine().cores());
        kernel(e.kernel());
        scheduler(e);
        workload(e.workload());
        open(0, Sources.GROUP);
        for (Map.Entry<SourceId, SourceSpec> source : e.sources().entrySet()) {
            line(1, source.getKey().id(), "");
            line(2, Sources.LATENCY, source.getValue().latency());
            if (source.getKey().clockSelectable()) {
                line(2, Sources.CLOCK, source.getValue().clock());
            }
        }
        open(0, Output.GROUP);
        line(1, Output.MAX_BACKWARD_EVENTS, e.output().maxBackwardEvents());
        line(1, Output.SKEW_SAMPLES, e.output().skewSamples());
        line(1, Output.TRACE_THREAD, e.output().traceThread());
    }

    private void tsc(TscSpec tsc) {
        open(1, Tsc.GROUP);
        line(2, Tsc.FREQUENCY, tsc.frequencyHz());
        line(2, Tsc.SOCKET_OFFSET, tsc.socketOffsetPs());
        line(2, Tsc.CORE_OFFSET, tsc.coreOffsetStdDevPs());
        line(2, Tsc.DRIFT, tsc.driftPpm());
        line(2, Tsc.SOCKET_DRIFT, tsc.socketDriftPpm());
        line(2, Tsc.WANDER, tsc.wanderPpmPerSqrtS());
        line(2, Tsc.WANDER_INTERVAL, tsc.wanderIntervalPs());
        line(2, Tsc.INVARIANT, tsc.invariant());
        line(2, Tsc.TSC_ADJUST, tsc.tscAdjust());
        if (!tsc.invariant()) {
            PStateSpec pstates = tsc.pstates();
            line(2, Tsc.PSTATES.name(), YamlText.flowList(pstates.changes(), c -> flowMap(entry(Tsc.PSTATE_AT, c.atPs()),
                    entry(Tsc.PSTATE_SOCKET, c.socket()), entry(Tsc.PSTATE_FREQUENCY, c.frequencyHz()))));
            if (pstates.ratePerSecond() > 0) {
                line(2, Tsc.PSTATE_RATE, pstates.ratePerSecond());
            }
            line(2, Tsc.PSTATE_FREQUENCIES, pstates.frequenciesHz());
        }
    }

    /** The hypervisor section, on a KVM guest only: bare-metal experiments keep the file they always had. */
    private void hypervisor(HypervisorSpec h, int vcpus) {
        if (!h.kvm()) {
            return;
        }
        open(1, Hypervisor.GROUP);
        line(2, Hypervisor.KIND, h.kind());
        line(2, Hypervisor.HOST_CPUS, h.hostCpus());
        line(2, Hypervisor.HOST_TSC_OFFSETS, IntStream.range(0, h.hostCpus()).mapToObj(h::hostTscOffsetPs).toList());
        line(2, Hypervisor.TSC_OFFSETS, IntStream.range(0, vcpus).mapToObj(h::tscOffsetPs).toList());
        line(2, Hypervisor.TSC_SCALING, IntStream.range(0, vcpus).mapToObj(h::tscScaling).toList());
        open(2, Hypervisor.STEAL);
        if (h.steal().ratePerSecond() > 0) {
            line(3, Hypervisor.STEAL_RATE, h.steal().ratePerSecond());
        }
        line(3, Hypervisor.STEAL_DURATION, h.steal().duration());
        PvclockSpec p = h.pvclock();
        open(2, Hypervisor.PVCLOCK);
        line(3, Hypervisor.EXPOSED, p.exposed());
        line(3, Hypervisor.STABLE_BIT, p.stableBit());
        line(3, Hypervisor.MASTER_CLOCK, p.masterClock());
        line(3, Hypervisor.LAST_VALUE_GUARD, p.lastValueGuard());
        line(3, Hypervisor.LAST_VALUE_TRANSFER, p.lastValueTransferPs());
        line(3, Hypervisor.SYNC_PERIOD, p.syncPeriodPs());
        line(3, Hypervisor.MASTER_UPDATE_PERIOD, p.masterUpdatePeriodPs());
        line(2, Hypervisor.MIGRATIONS.name(), YamlText.flowList(h.migrations(), m -> flowMap(
                entry(Hypervisor.MIGRATION_AT, m.atPs()), entry(Hypervisor.MIGRATION_DOWNTIME, m.downtimePs()),
                entry(Hypervisor.MIGRATION_FREQUENCY, m.destinationHz()),
                entry(Hypervisor.MIGRATION_SCALED, m.scaled()))));
    }

    private void timer(ConfigSchema.Timer keys, PlatformTimerSpec timer) {
        open(1, keys.group());
        line(2, keys.frequency(), timer.frequencyHz());
        line(2, keys.drift(), timer.driftPpm());
        line(2, keys.readLatency(), timer.readLatency());
        if (!timer.returnDelay().equals(ReturnDelay.NONE)) {
            open(2, ConfigSchema.ReturnDelay.GROUP);
            line(3, ConfigSchema.ReturnDelay.DELAY, timer.returnDelay().delayPs());
            line(3, ConfigSchema.ReturnDelay.EVERY, timer.returnDelay().every());
            line(3, ConfigSchema.ReturnDelay.FIRST, timer.returnDelay().first());
        }
    }

    private void kernel(KernelSpec k) {
        open(0, Kernel.GROUP);
        line(1, Kernel.VERSION, k.version());
        line(1, Kernel.HZ, k.tick().hz());
        line(1, Kernel.TIMEKEEPING_CPU, k.tick().timekeepingCpu());
        line(1, Kernel.TICK_LATENCY, k.tick().latencyPs());
        line(1, Kernel.CLOCKSOURCE, k.clocksources().boot());
        line(1, Kernel.FALLBACK_CLOCKSOURCE, k.clocksources().fallback());
        line(1, Kernel.PUBLISH_TIME, k.vdsoPage().publishTimePs());
        line(1, Kernel.DATA_PAGE_MISS, k.vdsoPage().dataPageMissPs());
        line(1, Kernel.WALL_CLOCK_START, k.wallClockStartNs());
        line(1, Kernel.TAI_OFFSET, k.taiOffsetNs() * TimeUnits.PS_PER_NS);
        line(1, Kernel.VSYSCALL, k.vsyscall());
        open(1, Ntp.GROUP);
        line(2, Ntp.FREQUENCY, k.ntp().frequencyPpm());
        line(2, Ntp.FLIP_EVERY, k.ntp().flipEveryPs());
        line(2, Ntp.CHANGES.name(), YamlText.flowList(k.ntp().changes(), c -> flowMap(entry(Ntp.CHANGE_AT, c.atPs()),
                entry(Ntp.CHANGE_FREQUENCY, c.frequencyPpm()))));
        line(1, Kernel.NTP_UPDATE, k.ntpUpdate());
        line(1, Kernel.TSC, k.tscReliable() ? Kernel.RELIABLE : Kernel.NORMAL);
        line(1, Kernel.TSC_SYNC_CHECK, k.syncCheck().enabled());
        line(1, Kernel.SYNC_CHECK_DURATION, k.syncCheck().durationPs());
        line(1, Kernel.SYNC_CHECK_HANDOFF, k.syncCheck().handoff());
        line(1, Kernel.SYNC_CHECK_RUN_SPREAD, k.syncCheck().runSpread());
        line(1, Kernel.WATCHDOG, k.watchdog().mode());
        line(1, Kernel.WATCHDOG_INTERVAL, k.watchdog().intervalPs());
        line(1, Kernel.WATCHDOG_MARGIN, k.watchdog().marginPs());
    }

    private void scheduler(Experiment e) {
        MigrationSpec migration = e.scheduler().migration();
        MigrationPolicy policy = migration.policy();
        open(0, Scheduler.GROUP);
        line(1, Scheduler.PLACEMENT, e.scheduler().placement());
        open(1, Scheduler.MIGRATION);
        line(2, Scheduler.POLICY, policy);
        if (policy == MigrationPolicy.POISSON) {
            line(2, Scheduler.RATE, migration.ratePerSecond());
        }
        if (policy == MigrationPolicy.PERIODIC || policy == MigrationPolicy.PING_PONG
                || policy == MigrationPolicy.ALL_PAIRS) {
            line(2, Scheduler.INTERVAL, migration.intervalPs());
        }
        if (policy == MigrationPolicy.PING_PONG) {
            line(2, Scheduler.CORES, migration.cores());
        }
        line(2, Scheduler.GAP, migration.gap());
    }

    private void workload(WorkloadSpec w) {
        open(0, Workload.GROUP);
        line(1, Workload.THREADS, w.threads());
        line(1, Workload.PATTERN, w.pattern());
        line(1, Workload.HANDOFF_LATENCY, w.handoffLatency());
        line(1, Workload.HANDOFF_ORDER, w.handoffOrder());
        line(1, Workload.THINK_TIME, w.thinkTime());
        line(1, Workload.SOURCES, w.sources());
        line(1, Workload.CALIBRATION_ERROR, w.calibrationErrorPpm());
        line(1, Workload.MODE, w.mode());
        line(1, Workload.PROGRAM, w.program());
    }

    private static <T> String entry(Key<T> key, T value) {
        return key.name() + ": " + key.write(value);
    }

    private static String flowMap(String... entries) {
        return "{" + String.join(", ", entries) + "}";
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

    private <T> void line(int depth, Key<T> key, T value) {
        line(depth, key.name(), key.write(value));
    }

    private void open(int depth, Group group) {
        line(depth, group.name(), "");
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
