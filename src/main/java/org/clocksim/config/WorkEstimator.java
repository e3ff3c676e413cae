package org.clocksim.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.clocksim.config.WorkEstimate.Part;
import org.clocksim.config.WorkEstimate.Resource;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.SimulationMode;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.TscSpec;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.WatchdogMode;
import org.clocksim.experiment.Experiment;
import org.clocksim.source.SourceId;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;
import org.clocksim.engine.TimeUnits;

/** Builds the parts of one experiment's {@link WorkEstimate}, each named by the config key that drives it. */
final class WorkEstimator {
    /** Per core, per pass: its counter, the kernel's and the idle tracker's per-CPU state, a sync-check result. */
    static final long CORE_BYTES = 400;
    /** Per skew sample of one core: the sample, its row in skew.csv and the charts' copy of it. */
    static final long SKEW_SAMPLE_BYTES = 400;
    /**
     * Per thread per source: its read state, random streams and observer state, and once it has gone
     * backwards the 201 reads of its trace window, kept for read-trace.csv and read back by the
     * charts (measured: 10000 threads × 2 sources, most of them going backwards, run in a 1 GB heap;
     * 50000 × 2 do not fit in 2 GB).
     */
    static final long THREAD_BYTES = 48_000;
    /** Per backward event kept row by row (output.maxBackwardEvents per source). */
    static final long BACKWARD_ROW_BYTES = 300;
    /** What any run needs: histograms, the charts being drawn, the loaded classes. */
    static final long BASE_BYTES = 64_000_000;
    /** Progress reports over a pass (Pass.PROGRESS_STEPS). */
    static final int PROGRESS_EVENTS = 100;
    /** The sync check's per-run cap on hand-offs and its number of runs (SyncCheck). */
    static final int SYNC_CHECK_HANDOFFS = 20_000;
    static final int SYNC_CHECK_RUNS = 3;
    /**
     * Fast mode: the reads a thread runs exactly per quiet stretch: the call in progress at the event that
     * opens it and one begun after it, about two before the next event (the one it compares with and one of
     * margin, after the residual life's bound), and once per thread the 100 reads after its first backward
     * event (measured: 2.2 and 6.3 per stretch over the 200 ms and 100 ms runs of WorkEstimateTest).
     */
    static final double EXACT_READS_PER_STRETCH = 4;
    /** Standard deviations of the cores' random offsets taken as the largest a watchdog check can see. */
    private static final double CORE_OFFSET_SIGMAS = 6;

    private final Experiment experiment;
    private final WorkloadSpec workload;
    private final MachineSpec machine;
    private final KernelSpec kernel;
    private final double durationPs;
    private final String over;
    private final int passes;
    private final List<Part> parts = new ArrayList<>();
    /** Fast mode aggregates this run's reads between events: its reads cost the events' stretches. */
    private final boolean aggregated;

    WorkEstimator(Experiment experiment) {
        this.experiment = experiment;
        this.workload = experiment.workload();
        this.machine = experiment.machine();
        this.kernel = experiment.kernel();
        this.durationPs = experiment.durationPs();
        this.over = " over " + Units.formatDuration(experiment.durationPs());
        this.passes = workload.mode() == WorkloadMode.ALTERNATE ? 1 : workload.sources().size();
        this.aggregated = aggregatedRun();
    }

    /**
     * Whether fast mode will aggregate the reads (the config's view of QuietStretches' conditions):
     * independent threads, one source per pass, and every clocksource the run may read aggregates
     * ({@link #aggregatesOn}): the one it boots on, and the fallback unless the watchdog cannot take the TSC
     * away ({@link #tscKept}). Otherwise every read runs exactly and is counted as such.
     */
    private boolean aggregatedRun() {
        ClocksourceId boot = kernel.clocksources().boot();
        boolean fallbackRead = boot == ClocksourceId.TSC && !tscKept();
        return experiment.simulation() == SimulationMode.FAST && workload.pattern() == Pattern.INDEPENDENT
                && (passes > 1 || workload.sources().size() == 1)
                && !workload.sources().contains(SourceId.GETCPU) && aggregatesOn(boot)
                && (!fallbackRead || aggregatesOn(kernel.clocksources().fallback()));
    }

    /**
     * Whether fast mode aggregates calls on {@code clocksource}: not on kvm-clock (its syscall read takes the
     * last_value guard; the vDSO's reads with the stable bit do aggregate, counted here as exact: an upper
     * bound), nor on the HPET while the vDSO reads it in user mode (before 4.7: every call pays its read).
     */
    private boolean aggregatesOn(ClocksourceId clocksource) {
        return switch (clocksource) {
            case TSC, ACPI_PM -> true;
            case HPET -> !KernelRules.hpetReadInUserMode(kernel.version());
            case KVM_CLOCK -> false;
        };
    }

    /**
     * The watchdog cannot mark the TSC unstable: it does not watch, or the counters keep their rates
     * (invariant, no wander) and the largest skew a check can see by the end (the sockets' offsets and
     * drifts apart over the whole run, the cores' random offsets at {@value #CORE_OFFSET_SIGMAS} sigma)
     * stays below its margin.
     */
    private boolean tscKept() {
        if (kernel.watchdog().mode() == WatchdogMode.OFF || kernel.tscReliable()) {
            return true;
        }
        TscSpec tsc = machine.tsc();
        if (!tsc.invariant() || tsc.wanderPpmPerSqrtS() > 0) {
            return false;
        }
        double offsets = spread(tsc.socketOffsetPs().stream().mapToDouble(Long::doubleValue).toArray())
                + 2 * CORE_OFFSET_SIGMAS * tsc.coreOffsetStdDevPs();
        double drift = spread(tsc.socketDriftPpm().stream().mapToDouble(Double::doubleValue).toArray()) * 1e-6;
        long margin = kernel.watchdog().marginPs() > 0 ? kernel.watchdog().marginPs()
                : KernelRules.watchdogMarginPs(kernel.version());
        return offsets + drift * durationPs < margin;
    }

    private static double spread(double[] values) {
        return values.length == 0 ? 0 : Arrays.stream(values).max().orElseThrow() - Arrays.stream(values).min().orElseThrow();
    }

    WorkEstimate estimate() {
        events();
        reads();
        memory();
        return new WorkEstimate(passes, parts);
    }

    private void add(Resource resource, String key, double perPass, String what) {
        parts.add(new Part(resource, key, perPass * passes, what));
    }

    private void events() {
        double ticks = kernel.tick().hz() * TimeUnits.seconds(durationPs);
        add(Resource.EVENTS, "kernel.hz", ticks,
                kernel.tick().hz() + " gives " + Amounts.count(ticks) + " ticks per pass" + over);
        migrationEvents();
        TscSpec tsc = machine.tsc();
        if (tsc.wanderPpmPerSqrtS() > 0) {
            double steps = machine.sockets() * durationPs / tsc.wanderIntervalPs();
            add(Resource.EVENTS, "machine.tsc.wanderInterval", steps, Units.formatDuration(tsc.wanderIntervalPs())
                    + " gives " + Amounts.count(steps) + " wander re-anchors per pass ("
                    + Amounts.of(machine.sockets(), "socket") + ")" + over);
        }
        if (kernel.ntp().flipEveryPs() > 0) {
            double flips = durationPs / kernel.ntp().flipEveryPs();
            add(Resource.EVENTS, "kernel.ntp.flipEvery", flips, Units.formatDuration(kernel.ntp().flipEveryPs())
                    + " gives " + Amounts.count(flips) + " NTP flips per pass" + over);
        }
        if (!tsc.invariant()) {
            double changes = tsc.pstates().changes().size()
                    + machine.sockets() * tsc.pstates().ratePerSecond() * TimeUnits.seconds(durationPs);
            add(Resource.EVENTS, "machine.tsc.pstateRate", changes, Units.formatRate(tsc.pstates().ratePerSecond())
                    + " gives " + Amounts.count(changes) + " P-state changes per pass ("
                    + Amounts.of(machine.sockets(), "socket") + ")" + over);
        }
        hypervisorEvents();
        if (kernel.watchdog().mode() != WatchdogMode.OFF && !kernel.tscReliable()) {
            double checks = durationPs / kernel.watchdog().intervalPs();
            add(Resource.EVENTS, "kernel.watchdogInterval", checks,
                    Units.formatDuration(kernel.watchdog().intervalPs()) + " gives " + Amounts.count(checks)
                            + " watchdog checks per pass" + over);
        }
        if (kernel.syncCheck().enabled() && !kernel.tscReliable()) {
            double handoffs = (machine.cores() - 1.0) * SYNC_CHECK_RUNS * SYNC_CHECK_HANDOFFS;
            add(Resource.EVENTS, "kernel.tscSyncCheck", handoffs, "checks " + Amounts.of(machine.cores(), "core")
                    + " at boot, up to " + Amounts.count(handoffs) + " lock hand-offs per pass");
        }
        double scripted = machine.events().size() + kernel.ntp().changes().size() + PROGRESS_EVENTS;
        add(Resource.EVENTS, "machine.events", scripted, "has " + Amounts.count(scripted) + " scripted events");
        int samples = experiment.output().skewSamples();
        parts.add(new Part(Resource.EVENTS, "output.skewSamples", samples, samples + " skew samples"));
    }

    /** A KVM host's events: two per steal (it begins, the vCPU runs again), its periodic pvclock writes. */
    private void hypervisorEvents() {
        HypervisorSpec hypervisor = machine.hypervisor();
        if (!hypervisor.kvm()) {
            return;
        }
        double seconds = TimeUnits.seconds(durationPs);
        if (hypervisor.steal().ratePerSecond() > 0) {
            double steals = 2 * machine.cores() * hypervisor.steal().ratePerSecond() * seconds;
            add(Resource.EVENTS, "machine.hypervisor.steal.rate", steals,
                    Units.formatRate(hypervisor.steal().ratePerSecond()) + " gives " + Amounts.count(steals)
                            + " steal events per pass (" + Amounts.of(machine.cores(), "vCPU") + ")" + over);
        }
        for (var period : List.of(Map.entry("machine.hypervisor.pvclock.syncPeriod",
                        hypervisor.pvclock().syncPeriodPs()),
                Map.entry("machine.hypervisor.pvclock.masterUpdatePeriod", hypervisor.pvclock().masterUpdatePeriodPs()))) {
            if (period.getValue() > 0) {
                double writes = (double) durationPs / period.getValue();
                add(Resource.EVENTS, period.getKey(), writes, Units.formatDuration(period.getValue()) + " gives "
                        + Amounts.count(writes) + " pvclock refreshes per pass" + over);
            }
        }
    }

    private void migrationEvents() {
        MigrationSpec migration = experiment.scheduler().migration();
        if (migration.policy() == MigrationPolicy.NONE) {
            return;
        }
        double perThread = migrationsPerThreadPerSecond() * TimeUnits.seconds(durationPs);
        double migrations = perThread * workload.threads();
        if (migration.policy() == MigrationPolicy.POISSON) {
            add(Resource.EVENTS, "scheduler.migration.rate", migrations, Units.formatRate(migration.ratePerSecond())
                    + " gives " + Amounts.count(migrations) + " migrations per pass ("
                    + Amounts.of(workload.threads(), "thread") + ")" + over);
        } else {
            add(Resource.EVENTS, "scheduler.migration.interval", migrations,
                    Units.formatDuration(migration.intervalPs()) + " gives " + Amounts.count(migrations)
                            + " migrations per pass ("
                            + Amounts.of(workload.threads(), "thread") + ")" + over);
        }
    }

    private double migrationsPerThreadPerSecond() {
        MigrationSpec migration = experiment.scheduler().migration();
        return switch (migration.policy()) {
            case NONE -> 0;
            case POISSON -> migration.ratePerSecond();
            case PERIODIC, PING_PONG, ALL_PAIRS -> (double) TimeUnits.PS_PER_S / migration.intervalPs();
        };
    }

    private void reads() {
        double events = new WorkEstimate(passes, parts).total(Resource.EVENTS) / passes;
        int woken = workload.pattern() == Pattern.INDEPENDENT ? workload.threads() : 1;
        double wakeups = events * woken;
        String wakeupsWhat = Amounts.of(woken, "thread") + " brought up to date at each of " + Amounts.count(events)
                + " events per pass";
        if (aggregated) { // a migration wakes only its own thread
            double migrations = migrationsPerThreadPerSecond() * TimeUnits.seconds(durationPs) * workload.threads();
            wakeups = (events - migrations) * woken + migrations;
            wakeupsWhat = "fast mode: " + Amounts.count(migrations) + " migrations per pass wake their own thread"
                    + ", every other of the " + Amounts.count(events) + " events " + Amounts.of(woken, "thread");
        }
        String key = workload.pattern() == Pattern.LOCK_HANDOFF ? "workload.handoffLatency" : "workload.threads";
        double reads = passes == 1
                ? readsPerPass(meanLatencyPs(workload.sources()))
                : workload.sources().stream().mapToDouble(id -> readsPerPass(meanLatencyPs(List.of(id)))).sum();
        if (aggregated) {
            double exact = Math.min(reads, wakeups * passes * EXACT_READS_PER_STRETCH);
            parts.add(new Part(Resource.READS, "simulation", exact, "fast mode: about "
                    + Amounts.count(exact / passes) + " of the " + Amounts.count(reads / passes)
                    + " reads per pass run exactly, next to events; the others are aggregated"));
        } else {
            parts.add(new Part(Resource.READS, key, reads, "about " + Amounts.count(reads / passes)
                    + " reads per pass from " + Amounts.of(workload.threads(), "thread") + over));
        }
        add(Resource.WAKEUPS, "workload.threads", wakeups, wakeupsWhat);
    }

    /** The mean latency of a call, over the sources a thread calls in turn. */
    private double meanLatencyPs(List<SourceId> ids) {
        return ids.stream().mapToDouble(id -> experiment.source(id).latency().expectedValue()).average()
                .orElse(0);
    }

    /**
     * Independent threads: each makes a read per latency plus think time. Under a lock the holder
     * reads, releases, and the next takes the lock a hand-off later; a thread's turn comes round
     * once every thread has held it, or once it has thought, whichever is later. A call takes at
     * least a picosecond. Time off-CPU after migrations is taken off.
     */
    private double readsPerPass(double latencyPs) {
        double think = workload.thinkTime().expectedValue();
        double onCpu = durationPs * Math.max(0, 1 - offCpuFraction());
        int threads = workload.threads();
        if (workload.pattern() == Pattern.LOCK_HANDOFF) {
            double hold = Math.max(1, latencyPs + workload.handoffLatency().expectedValue());
            double round = Math.max(threads * hold, hold + think);
            return threads * onCpu / round;
        }
        return threads * onCpu / Math.max(1, latencyPs + think);
    }

    private double offCpuFraction() {
        Distribution gap = experiment.scheduler().migration().gap();
        return migrationsPerThreadPerSecond() * gap.expectedValue() / TimeUnits.PS_PER_S;
    }

    private void memory() {
        long cores = machine.cores();
        String coresKey = machine.coresPerSocket() >= machine.sockets() ? "machine.coresPerSocket"
                : "machine.sockets";
        add(Resource.MEMORY, coresKey, (double) cores * CORE_BYTES, Amounts.of(cores, "core") + " need about "
                + Amounts.bytes((double) cores * CORE_BYTES) + " per pass");
        double samples = (double) experiment.output().skewSamples() * cores;
        String samplesKey = experiment.output().skewSamples() > ConfigSchema.Output.SKEW_SAMPLES.defaultValue()
                ? "output.skewSamples" : coresKey;
        parts.add(new Part(Resource.MEMORY, samplesKey, samples * SKEW_SAMPLE_BYTES, Amounts.of(cores, "core")
                + " × " + experiment.output().skewSamples() + " skew samples need about "
                + Amounts.bytes(samples * SKEW_SAMPLE_BYTES)));
        double threadBytes = (double) workload.threads() * workload.sources().size() * THREAD_BYTES;
        parts.add(new Part(Resource.MEMORY, "workload.threads", threadBytes,
                Amounts.of(workload.threads(), "thread") + " × " + Amounts.of(workload.sources().size(), "source")
                        + " need about " + Amounts.bytes(threadBytes)));
        double rows = (double) experiment.output().maxBackwardEvents() * workload.sources().size()
                * BACKWARD_ROW_BYTES;
        parts.add(new Part(Resource.MEMORY, "output.maxBackwardEvents", rows, "keeping "
                + experiment.output().maxBackwardEvents() + " backward events per source needs about "
                + Amounts.bytes(rows)));
        parts.add(new Part(Resource.MEMORY, "", BASE_BYTES, "any run needs about "
                + Amounts.bytes(BASE_BYTES)));
    }
}
