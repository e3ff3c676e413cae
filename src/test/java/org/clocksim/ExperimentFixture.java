package org.clocksim;

import org.clocksim.engine.SimulationMode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.TscSpec;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.experiment.Experiment;
import org.clocksim.experiment.OutputSpec;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.HandoffOrder;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/** Builds experiments in code for tests that exercise the model without a config file. */
public final class ExperimentFixture {
    public static final long NS = 1_000;
    public static final long US = 1_000_000;
    public static final long MS = 1_000_000_000;

    private long seed = 1;
    private long durationPs = 10 * MS;
    private int sockets = 2;
    private int coresPerSocket = 2;
    private List<Long> socketOffsetPs = List.of(0L, 0L);
    private long coreOffsetStdDevPs;
    private double driftPpm;
    private List<Double> socketDriftPpm = List.of(0.0, 0.0);
    private double wanderPpm;
    private MigrationSpec migration = new MigrationSpec(MigrationPolicy.NONE, 0, 0, List.of(),
            new Distribution.Fixed(5 * US));
    private List<Integer> placement = List.of();
    private int threads = 2;
    private Pattern pattern = Pattern.INDEPENDENT;
    private Distribution handoff = new Distribution.Fixed(100 * NS);
    private HandoffOrder order = HandoffOrder.ROUND_ROBIN;
    private Distribution think = new Distribution.Fixed(0);
    private List<SourceId> sources = List.of(SourceId.RDTSC);
    private Distribution latency;
    private int maxEvents = 10_000;
    private ClockId clock = ClockId.MONOTONIC;
    private KernelSpec kernel;
    private WorkloadMode mode = WorkloadMode.PASSES;
    private HypervisorSpec hypervisor = HypervisorSpec.NONE;

    public static ExperimentFixture twoSockets() {
        return new ExperimentFixture();
    }

    public ExperimentFixture seed(long value) {
        seed = value;
        return this;
    }

    public ExperimentFixture duration(long ps) {
        durationPs = ps;
        return this;
    }

    public ExperimentFixture shape(int socketCount, int coresEach) {
        sockets = socketCount;
        coresPerSocket = coresEach;
        socketOffsetPs = new ArrayList<>(java.util.Collections.nCopies(socketCount, 0L));
        socketDriftPpm = new ArrayList<>(java.util.Collections.nCopies(socketCount, 0.0));
        return this;
    }

    public ExperimentFixture socketOffsets(Long... ps) {
        socketOffsetPs = List.of(ps);
        return this;
    }

    public ExperimentFixture coreOffsetStdDev(long ps) {
        coreOffsetStdDevPs = ps;
        return this;
    }

    public ExperimentFixture drift(double ppm) {
        driftPpm = ppm;
        return this;
    }

    public ExperimentFixture socketDrift(Double... ppm) {
        socketDriftPpm = List.of(ppm);
        return this;
    }

    public ExperimentFixture wander(double ppmPerSqrtS) {
        wanderPpm = ppmPerSqrtS;
        return this;
    }

    public ExperimentFixture migration(MigrationPolicy policy, double rate, long intervalPs, List<Integer> cores,
                                       Distribution gap) {
        migration = new MigrationSpec(policy, rate, intervalPs, cores, gap);
        return this;
    }

    public ExperimentFixture placement(Integer... cores) {
        placement = List.of(cores);
        return this;
    }

    public ExperimentFixture threads(int count) {
        threads = count;
        return this;
    }

    public ExperimentFixture lockHandoff(Distribution latencyOfHandoff, HandoffOrder handoffOrder) {
        pattern = Pattern.LOCK_HANDOFF;
        handoff = latencyOfHandoff;
        order = handoffOrder;
        return this;
    }

    public ExperimentFixture think(Distribution thinkTime) {
        think = thinkTime;
        return this;
    }

    public ExperimentFixture sources(SourceId... ids) {
        sources = List.of(ids);
        return this;
    }

    /** The same latency for every source (default: each source's own default). */
    public ExperimentFixture latency(Distribution distribution) {
        latency = distribution;
        return this;
    }

    /** The clock of clock-selectable sources. */
    public ExperimentFixture clock(ClockId id) {
        clock = id;
        return this;
    }

    /** Each thread calls the sources in turn, in one pass. */
    public ExperimentFixture alternate() {
        mode = WorkloadMode.ALTERNATE;
        return this;
    }

    public ExperimentFixture kernel(KernelSpec spec) {
        kernel = spec;
        return this;
    }

    /** The hypervisor under the machine (default: bare metal). */
    public ExperimentFixture hypervisor(HypervisorSpec spec) {
        hypervisor = spec;
        return this;
    }

    public ExperimentFixture maxEvents(int cap) {
        maxEvents = cap;
        return this;
    }

    public Experiment build() {
        Experiment defaults = TestSpecs.defaults();
        TreeMap<SourceId, SourceSpec> specs = new TreeMap<>();
        for (SourceId id : sources) {
            Distribution distribution = latency != null ? latency
                    : defaults.latency().latency(id, defaults.kernel().vsyscall());
            specs.put(id, new SourceSpec(distribution, clock));
        }
        TscSpec tsc = TestSpecs.tsc(2.4e9, socketOffsetPs, coreOffsetStdDevPs, driftPpm, socketDriftPpm, wanderPpm,
                MS);
        return new Experiment("fixture", "built in a test", seed, durationPs, defaults.latency(),
                TestSpecs.machine(sockets, coresPerSocket, tsc).withHypervisor(hypervisor), kernel == null ? defaults.kernel() : kernel,
                new SchedulerSpec(placement, migration),
                new WorkloadSpec(threads, pattern, handoff, order, think, sources, 0, mode, Program.NONE), specs,
                new OutputSpec(maxEvents, 20, OutputSpec.AUTO_TRACE_THREAD), SimulationMode.EXACT);
    }
}
