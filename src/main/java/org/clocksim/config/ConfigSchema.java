package org.clocksim.config;

import org.clocksim.engine.SimulationMode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.kvm.HypervisorKind;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.NtpUpdate;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.kernel.WatchdogMode;
import org.clocksim.results.Metrics;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.clocksim.workload.HandoffOrder;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;

/**
 * Every key of an experiment file, defined once: name, kind of value, default, meaning. The readers
 * read these keys, experiment.yaml writes them, {@code clocksim schema} and docs/CONFIG.md describe them.
 * Where a default comes from the kernel or the hardware, the key's doc names the source.
 */
final class ConfigSchema {
    private static final long NS = TimeUnits.PS_PER_NS;
    private static final long US = TimeUnits.PS_PER_US;
    private static final long MS = TimeUnits.PS_PER_MS;
    private static final long S = TimeUnits.PS_PER_S;

    private ConfigSchema() {
    }

    /** {@code machine.tsc}: each core's time stamp counter (KERNEL-FACTS.md §1). */
    static final class Tsc {
        static final double DEFAULT_FREQUENCY_HZ = 2.4e9;
        static final Key<Double> FREQUENCY = Key.of("frequency", ValueTypes.COUNTER_FREQUENCY, DEFAULT_FREQUENCY_HZ,
                "nominal TSC frequency");
        static final Key<List<Long>> SOCKET_OFFSET = Key.derived("socketOffset",
                ValueType.listOf(ValueTypes.offset(DEFAULT_FREQUENCY_HZ)), "0ns for every socket",
                "each socket's counter offset from true time, one per socket (a duration, or cycles)");
        static final Key<Long> CORE_OFFSET = Key.of("coreOffset", ValueTypes.DURATION, 0L,
                "standard deviation of an extra normal offset per core");
        static final Key<Double> DRIFT = Key.of("drift", ValueTypes.BOUNDED_PPM, 0.0,
                "rate error common to every core (invariant TSCs share one reference clock)");
        static final Key<List<Double>> SOCKET_DRIFT = Key.derived("socketDrift",
                ValueType.listOf(ValueTypes.BOUNDED_PPM), "0ppm for every socket",
                "extra rate error per socket, one per socket (boards with separate clocks)");
        static final Key<Double> WANDER = Key.of("wander", ValueTypes.NON_NEGATIVE_PPM, 0.0,
                "random walk of each socket's rate, ppm per square root of a second");
        static final Key<Long> WANDER_INTERVAL = Key.of("wanderInterval", ValueTypes.POSITIVE_DURATION, MS,
                "how often the wander re-anchors the counters");
        static final Key<Boolean> INVARIANT = Key.of("invariant", ValueTypes.BOOLEAN, true,
                "constant_tsc + nonstop_tsc; false: the rate follows P-states and stops when idle");
        static final Key<Boolean> TSC_ADJUST = Key.of("tscAdjust", ValueTypes.BOOLEAN, true,
                "IA32_TSC_ADJUST exists (the boot sync check can compensate an offset)");
        static final Key<Long> PSTATE_AT = Key.required("at", ValueTypes.DURATION, "when the change happens");
        static final Key<Integer> PSTATE_SOCKET = Key.required("socket", ValueTypes.integerAtLeast(0),
                "the socket whose cores change frequency");
        static final Key<Double> PSTATE_FREQUENCY = Key.required("frequency", ValueTypes.COUNTER_FREQUENCY,
                "the new core (and TSC) frequency");
        static final Group PSTATES = Group.list("pstates", "scripted P-state changes (non-invariant TSC only)",
                PSTATE_AT, PSTATE_SOCKET, PSTATE_FREQUENCY);
        static final Key<Double> PSTATE_RATE = Key.derived("pstateRate", ValueTypes.RATE, "none",
                "random P-state changes per second per socket (non-invariant TSC only)");
        static final Key<List<Double>> PSTATE_FREQUENCIES = Key.of("pstateFrequencies",
                ValueType.listOf(ValueTypes.COUNTER_FREQUENCY), List.of(),
                "the frequencies random P-state changes choose from");
        static final Group GROUP = Group.mapping("tsc", "each core's time stamp counter", FREQUENCY, SOCKET_OFFSET,
                CORE_OFFSET, DRIFT, SOCKET_DRIFT, WANDER, WANDER_INTERVAL, INVARIANT, TSC_ADJUST, PSTATES,
                PSTATE_RATE, PSTATE_FREQUENCIES);

        private Tsc() {
        }
    }

    /** A platform timer: the HPET or the ACPI PM timer (KERNEL-FACTS.md §1). */
    record Timer(Group group, Key<Double> frequency, Key<Double> drift, Key<Distribution> readLatency) {
        static Timer of(String name, String doc, double frequencyHz, long readLatencyPs) {
            Key<Double> frequency = Key.of("frequency", ValueTypes.COUNTER_FREQUENCY, frequencyHz, "counter frequency");
            Key<Double> drift = Key.of("drift", ValueTypes.BOUNDED_PPM, 0.0, "rate error against true time");
            Key<Distribution> readLatency = Key.of("readLatency", ValueTypes.DISTRIBUTION,
                    new Distribution.LogNormal(readLatencyPs, 0.1), "time one read of the counter takes");
            return new Timer(Group.mapping(name, doc, frequency, drift, readLatency, ReturnDelay.GROUP), frequency,
                    drift, readLatency);
        }
    }

    /**
     * {@code machine.hpet.returnDelay}, {@code machine.acpiPm.returnDelay}: some of the watchdog's
     * reads of the timer return late after sampling the counter (a trapping hypervisor's stall,
     * oxidecomputer/propolis issue 328).
     */
    static final class ReturnDelay {
        static final Key<Long> DELAY = Key.of("delay", ValueTypes.DURATION, 0L,
                "how late a delayed read returns after sampling the counter; 0: none is");
        static final Key<Integer> EVERY = Key.of("every", ValueTypes.integerAtLeast(1), 1,
                "the pattern's period, in the watchdog's reads of the timer");
        static final Key<Integer> FIRST = Key.of("first", ValueTypes.integerAtLeast(1), 1,
                "the first delayed read, counted from 1 (reads first, first + every, ... return late)");
        static final Group GROUP = Group.mapping("returnDelay",
                "which of the watchdog's reads of the timer return late, and by how much", DELAY, EVERY, FIRST);

        private ReturnDelay() {
        }
    }

    /**
     * {@code machine.hypervisor}: the KVM host under a guest (arch/x86/kvm/x86.c, arch/x86/kernel/kvmclock.c,
     * arch/x86/kernel/pvclock.c; docs/MODEL.md, Virtual machines).
     */
    static final class Hypervisor {
        static final Key<HypervisorKind> KIND = Key.of("kind", ValueTypes.oneOf("hypervisor kind",
                HypervisorKind.values(), HypervisorKind::id), HypervisorKind.NONE,
                "none (bare metal), or kvm: the cores are vCPUs of a KVM guest");
        static final Key<Integer> HOST_CPUS = Key.derived("hostCpus", ValueTypes.integerAtLeast(1),
                "the number of vCPUs", "host CPUs the vCPUs run on (a vCPU resumes after a steal on one at random)");
        static final Key<List<Long>> HOST_TSC_OFFSETS = Key.derived("hostTscOffsets",
                ValueType.listOf(ValueTypes.offset(Tsc.DEFAULT_FREQUENCY_HZ)), "0 for every host CPU",
                "each host CPU's TSC offset from host CPU 0's (a duration, or cycles), one per host CPU");
        static final Key<List<Long>> TSC_OFFSETS = Key.derived("tscOffsets",
                ValueType.listOf(ValueTypes.offset(Tsc.DEFAULT_FREQUENCY_HZ)), "0 for every vCPU",
                "each vCPU's TSC offset from the host's (a duration, or cycles), one per vCPU");
        static final ValueType<Double> RATIO = ValueTypes.numberBetween(0.01, 100);
        static final Key<List<Double>> TSC_SCALING = Key.derived("tscScaling",
                ValueType.listOf(RATIO), "1 for every vCPU",
                "each vCPU's TSC scaling ratio against machine.tsc.frequency, one per vCPU");
        static final Key<Double> STEAL_RATE = Key.derived("rate", ValueTypes.RATE, "none",
                "times per second the host deschedules each vCPU");
        static final Key<Distribution> STEAL_DURATION = Key.of("duration", ValueTypes.DISTRIBUTION,
                (Distribution) new Distribution.Exponential(500 * US), "how long a vCPU stays descheduled");
        static final Group STEAL = Group.mapping("steal", "vCPUs descheduled by the host (steal time)", STEAL_RATE,
                STEAL_DURATION);
        static final Key<Boolean> EXPOSED = Key.of("exposed", ValueTypes.BOOLEAN, true,
                "the host offers kvm-clock (KVM_FEATURE_CLOCKSOURCE2)");
        static final Key<Boolean> STABLE_BIT = Key.of("stableBit", ValueTypes.BOOLEAN, true,
                "KVM_FEATURE_CLOCKSOURCE_STABLE_BIT advertised: the guest honours PVCLOCK_TSC_STABLE_BIT");
        static final Key<Boolean> MASTER_CLOCK = Key.of("masterClock", ValueTypes.BOOLEAN, true,
                "the host's TSCs are synchronized: KVM uses one master sample for every vCPU if their TSCs match");
        static final Key<Boolean> LAST_VALUE_GUARD = Key.of("lastValueGuard", ValueTypes.BOOLEAN, true,
                "without the stable bit the guest keeps kvm-clock monotonic by a global last_value cmpxchg");
        static final Key<Long> LAST_VALUE_TRANSFER = Key.of("lastValueTransfer", ValueTypes.DURATION, 100 * NS,
                "cost of pulling last_value's cache line from another CPU, paid by every guarded read (2+ vCPUs)");
        static final Key<Long> SYNC_PERIOD = Key.of("syncPeriod", ValueTypes.DURATION, 300_000 * MS,
                "the host's periodic refresh of every vCPU (KVMCLOCK_SYNC_PERIOD); 0: none");
        static final Key<Long> MASTER_UPDATE_PERIOD = Key.of("masterUpdatePeriod", ValueTypes.DURATION, 0L,
                "how often a host event takes a new master-clock sample; 0: never after boot");
        static final Group PVCLOCK = Group.mapping("pvclock", "kvm-clock's per-vCPU structures and their refreshes",
                EXPOSED, STABLE_BIT, MASTER_CLOCK, LAST_VALUE_GUARD, LAST_VALUE_TRANSFER, SYNC_PERIOD,
                MASTER_UPDATE_PERIOD);
        static final Key<Long> MIGRATION_AT = Key.required("at", ValueTypes.DURATION, "when the VM is paused");
        static final Key<Long> MIGRATION_DOWNTIME = Key.required("downtime", ValueTypes.DURATION,
                "how long it stays paused (guest TSC and kvm-clock frozen)");
        static final Key<Double> MIGRATION_FREQUENCY = Key.required("frequency", ValueTypes.COUNTER_FREQUENCY,
                "the destination host's TSC frequency");
        static final Key<Boolean> MIGRATION_SCALED = Key.required("scaled", ValueTypes.BOOLEAN,
                "the destination scales the guest TSC to its old frequency; false: it runs at the destination's");
        static final Group MIGRATIONS = Group.list("migrations", "live migrations of the VM", MIGRATION_AT,
                MIGRATION_DOWNTIME, MIGRATION_FREQUENCY, MIGRATION_SCALED);
        static final Group GROUP = Group.mapping("hypervisor", "the hypervisor under the machine", KIND, HOST_CPUS,
                HOST_TSC_OFFSETS, TSC_OFFSETS, TSC_SCALING, STEAL, PVCLOCK, MIGRATIONS);

        private Hypervisor() {
        }
    }

    /** {@code machine}: the topology, the counters and scripted events. */
    static final class Machine {
        static final Key<Integer> SOCKETS = Key.of("sockets", ValueTypes.integerAtLeast(1), 1, "number of sockets");
        static final Key<Integer> CORES_PER_SOCKET = Key.of("coresPerSocket", ValueTypes.integerAtLeast(1), 2,
                "cores in each socket");
        /** HPET: 14.318 MHz, ~1.2 us per read; ACPI PM: 3.58 MHz, ~2.5 us (KERNEL-FACTS.md §1). */
        static final Timer HPET = Timer.of("hpet", "the HPET (a watchdog and fallback clocksource)", 14_318_180,
                1_200 * NS);
        static final Timer ACPI_PM = Timer.of("acpiPm", "the ACPI PM timer (a watchdog and fallback clocksource)",
                3_579_545, 2_500 * NS);
        static final Key<Long> EVENT_AT = Key.required("at", ValueTypes.DURATION, "when the write happens");
        static final Key<Integer> EVENT_CORE = Key.required("core", ValueTypes.integerAtLeast(0), "the core written");
        static final Key<Long> EVENT_TSC_WRITE = Key.required("tscWrite", ValueTypes.offset(Tsc.DEFAULT_FREQUENCY_HZ),
                "how much more the core's TSC reads from then on (negative: back)");
        static final Group EVENTS = Group.list("events", "writes to a core's TSC or TSC_ADJUST during the run",
                EVENT_AT, EVENT_CORE, EVENT_TSC_WRITE);
        static final Group GROUP = Group.mapping("machine", "the machine", SOCKETS, CORES_PER_SOCKET, Tsc.GROUP,
                HPET.group(), ACPI_PM.group(), EVENTS, Hypervisor.GROUP);

        private Machine() {
        }
    }

    /** {@code kernel.ntp}: the NTP frequency correction (adjtimex). */
    static final class Ntp {
        static final Key<Double> FREQUENCY = Key.of("frequency", ValueTypes.NTP_PPM, 0.0, "the correction at boot");
        static final Key<Long> FLIP_EVERY = Key.of("flipEvery", ValueTypes.DURATION, 0L,
                "if > 0, the correction's sign flips with this period (as skew_consistency does)");
        static final Key<Long> CHANGE_AT = Key.required("at", ValueTypes.DURATION, "when the change happens");
        static final Key<Double> CHANGE_FREQUENCY = Key.required("frequency", ValueTypes.NTP_PPM,
                "the new correction");
        static final Group CHANGES = Group.list("changes", "scripted frequency changes", CHANGE_AT, CHANGE_FREQUENCY);
        static final Group GROUP = Group.mapping("ntp", "the NTP frequency correction (adjtimex)", FREQUENCY,
                FLIP_EVERY, CHANGES);

        private Ntp() {
        }
    }

    /** {@code kernel}: the tick, the clocksources, the vDSO page, NTP, the sync check and the watchdog. */
    static final class Kernel {
        static final String NORMAL = "normal";
        static final String RELIABLE = "reliable";
        static final ClocksourceId[] FALLBACKS = {ClocksourceId.HPET, ClocksourceId.ACPI_PM, ClocksourceId.KVM_CLOCK};
        static final String DEFAULT_WALL_CLOCK = "2026-01-01T00:00:00Z";
        static final Key<KernelVersion> VERSION = Key.derived("version", ValueTypes.KERNEL_VERSION,
                YamlText.string(KernelRules.NEWEST.toString()) + " (" + YamlText.string(KernelRules.OLDEST.toString())
                        + " with latency: legacy-2009)",
                "the kernel release whose rules apply (clocksim list kernels); other keys still override");
        static final Key<Integer> HZ = Key.of("hz", ValueTypes.oneOfIntegers(List.of(100, 250, 300, 1000)), 250,
                "tick rate (CONFIG_HZ)");
        static final Key<Integer> TIMEKEEPING_CPU = Key.of("timekeepingCpu", ValueTypes.integerAtLeast(0), 0,
                "the CPU whose tick advances time (tick_do_timer_cpu)");
        static final Key<Long> TICK_LATENCY = Key.of("tickLatency", ValueTypes.DURATION, US,
                "from the tick timer's expiry to the timekeeping update (an assumption, docs/MODEL.md)");
        static final Key<ClocksourceId> CLOCKSOURCE = Key.derived("clocksource", ValueTypes.oneOf("clocksource",
                ClocksourceId.values(), ClocksourceId::id),
                "tsc; on a KVM guest the better rated of tsc (300) and kvm-clock (400; 299 since 5.0 with an "
                        + "invariant TSC)", "the clocksource at boot");
        /**
         * The best-rated other clocksource is both (clocksource_select(); clocksource_select_watchdog() picks the
         * best-rated one without CLOCK_SOURCE_MUST_VERIFY, kernel/time/clocksource.c): kvm-clock (299 or 400)
         * beats hpet (250) and acpi_pm (200) on a KVM guest.
         */
        static final Key<ClocksourceId> FALLBACK_CLOCKSOURCE = Key.derived("fallbackClocksource",
                ValueTypes.oneOf("fallback clocksource", FALLBACKS, ClocksourceId::id),
                "hpet; kvm-clock on a KVM guest (its rating beats hpet's and acpi_pm's)",
                "used when the TSC is marked unstable, and as the watchdog");
        static final Key<Long> PUBLISH_TIME = Key.of("publishTime", ValueTypes.DURATION, 100 * NS,
                "time the vDSO data page's seq stays odd at each update");
        static final Key<Long> DATA_PAGE_MISS = Key.of("dataPageMiss", ValueTypes.DURATION, 180 * NS,
                "extra cost of a CPU's first vDSO read after an update");
        static final Key<Long> WALL_CLOCK_START = Key.of("wallClockStart", ValueTypes.INSTANT,
                KernelReader.instantNs(DEFAULT_WALL_CLOCK), "CLOCK_REALTIME at boot");
        /** TAI − UTC since 2017-01-01 (the IERS leap second of 2016-12-31); the kernel's tai_offset, set by ntpd/chronyd. */
        static final Key<Long> TAI_OFFSET = Key.of("taiOffset", ValueTypes.DURATION, 37 * S,
                "CLOCK_TAI - CLOCK_REALTIME (tai_offset, adjtimex ADJ_TAI; 37s since 2017)");
        static final Key<VsyscallMode> VSYSCALL = Key.derived("vsyscall",
                ValueTypes.oneOf("vsyscall mode", VsyscallMode.values(), VsyscallMode::id),
                "the release's: native before 3.1, emulate before 5.3, xonly since", "the legacy vsyscall page's mode");
        static final Key<NtpUpdate> NTP_UPDATE = Key.of("ntpUpdate",
                ValueTypes.oneOf("NTP update", NtpUpdate.values(), NtpUpdate::id), NtpUpdate.CONTINUOUS,
                "continuous, or naive: skips the continuity correction (a bug class)");
        static final Key<String> TSC = Key.of("tsc", ValueTypes.word("tsc= option", List.of(NORMAL, RELIABLE)), NORMAL,
                "the tsc= boot option: reliable skips the sync check and the watchdog");
        static final Key<Boolean> TSC_SYNC_CHECK = Key.of("tscSyncCheck", ValueTypes.BOOLEAN, false,
                "run the boot-time warp test of every CPU against CPU 0");
        static final Key<Long> SYNC_CHECK_DURATION = Key.of("syncCheckDuration", ValueTypes.DURATION_OR_AUTO, 0L,
                "length of one warp-test run; auto: the kernel's");
        /**
         * The time from one CPU's counter read to the other's across the warp test's spinlock hand-off: a cache-line
         * transfer, ~100 ns (KERNEL-FACTS.md §4), log-normal, with no floor. Waiman Long measured one lock/unlock
         * at 104-326 cycles on a 4-socket Cooper Lake over several boots (LKML 2022, "x86/tsc_sync: Add
         * synchronization overhead to tsc adjustment"); the kernel's comment says the residual is "~200 TSC cycles".
         */
        static final Key<Distribution> SYNC_CHECK_HANDOFF = Key.of("syncCheckHandoff", ValueTypes.DISTRIBUTION,
                new Distribution.LogNormal(100 * NS, 0.15),
                "the time from one CPU's counter read to the other's across the warp test's spinlock hand-off");
        /**
         * How much one run's hand-offs differ from another's: the log-normal sigma of a factor drawn per run. The
         * Cooper Lake log's second and third warps (74 and 4 cycles) are differences of run minima; 0.25 makes
         * such differences tens of cycles (SyncCheck).
         */
        static final Key<Double> SYNC_CHECK_RUN_SPREAD = Key.of("syncCheckRunSpread", ValueTypes.numberBetween(0, 2),
                0.25, "log-normal sigma of a per-run factor on every hand-off of a warp-test run");
        static final Key<WatchdogMode> WATCHDOG = Key.of("watchdog",
                ValueTypes.oneOf("watchdog mode", WatchdogMode.values(), WatchdogMode::id), WatchdogMode.AUTO,
                "whether the clocksource watchdog checks the TSC; auto: the kernel's rule");
        static final Key<Long> WATCHDOG_INTERVAL = Key.of("watchdogInterval", ValueTypes.POSITIVE_DURATION, 500 * MS,
                "time between watchdog checks");
        static final Key<Long> WATCHDOG_MARGIN = Key.of("watchdogMargin", ValueTypes.DURATION_OR_AUTO, 0L,
                "largest tolerated difference per check; auto: the release's (62.5ms before 5.14, 500us since 6.3)");
        static final Group GROUP = Group.mapping("kernel", "how the kernel keeps time", VERSION, HZ, TIMEKEEPING_CPU,
                TICK_LATENCY, CLOCKSOURCE, FALLBACK_CLOCKSOURCE, PUBLISH_TIME, DATA_PAGE_MISS, WALL_CLOCK_START,
                TAI_OFFSET, VSYSCALL, Ntp.GROUP, NTP_UPDATE, TSC, TSC_SYNC_CHECK, SYNC_CHECK_DURATION, SYNC_CHECK_HANDOFF,
                SYNC_CHECK_RUN_SPREAD,
                WATCHDOG, WATCHDOG_INTERVAL, WATCHDOG_MARGIN);

        private Kernel() {
        }
    }

    /** {@code scheduler}: where threads start and how they migrate (KERNEL-FACTS.md §4, §6). */
    static final class Scheduler {
        static final String ROUND_ROBIN = "round-robin";
        static final Key<List<Integer>> PLACEMENT = Key.of("placement", ValueTypes.contextual(
                        "round-robin, or one core index per thread",
                        cores -> cores.isEmpty() ? ROUND_ROBIN : YamlText.flowList(cores, String::valueOf),
                        ValueTypes.wordOrIndices(ROUND_ROBIN)), List.of(), "the core each thread starts on");
        static final Key<MigrationPolicy> POLICY = Key.of("policy",
                ValueTypes.oneOf("migration policy", MigrationPolicy.values(), MigrationPolicy::id),
                MigrationPolicy.NONE, "how the scheduler moves threads");
        static final Key<Double> RATE = Key.derived("rate", ValueTypes.RATE, "required for poisson",
                "migrations per second per thread (poisson only)");
        static final Key<Long> INTERVAL = Key.derived("interval", ValueTypes.POSITIVE_DURATION,
                "required for periodic, ping-pong, all-pairs", "time between migrations");
        private static final ValueType<List<Integer>> CORE_LIST = ValueType.listOf(ValueTypes.integerAtLeast(0));
        static final Key<List<Integer>> CORES = Key.derived("cores",
                CORE_LIST.narrowed("two core indices such as [0, 2]", CORE_LIST.reader()), "required for ping-pong", "the two cores to alternate between (ping-pong only)");
        static final Key<Distribution> GAP = Key.of("gap", ValueTypes.DISTRIBUTION, (Distribution) new Distribution.Fixed(5 * US),
                "off-CPU time of a migration");
        static final Group MIGRATION = Group.mapping("migration", "the migration policy", POLICY, RATE, INTERVAL, CORES,
                GAP);
        static final Group GROUP = Group.mapping("scheduler", "the scheduler", PLACEMENT, MIGRATION);

        private Scheduler() {
        }
    }

    /** {@code workload}: the threads and what they do. */
    static final class Workload {
        static final Key<Integer> THREADS = Key.of("threads", ValueTypes.integerAtLeast(1), 1, "number of threads");
        static final Key<Pattern> PATTERN = Key.of("pattern", ValueTypes.oneOf("pattern", Pattern.values(), Pattern::id),
                Pattern.INDEPENDENT, "independent loops, or a lock handed from thread to thread");
        static final Key<Distribution> HANDOFF_LATENCY = Key.of("handoffLatency", ValueTypes.DISTRIBUTION,
                (Distribution) new Distribution.Fixed(100 * NS), "cache-line transfer between lock holders");
        static final Key<HandoffOrder> HANDOFF_ORDER = Key.of("handoffOrder",
                ValueTypes.oneOf("hand-off order", HandoffOrder.values(), HandoffOrder::id), HandoffOrder.ROUND_ROBIN,
                "which thread takes the lock next");
        static final Key<Distribution> THINK_TIME = Key.of("thinkTime", ValueTypes.DISTRIBUTION,
                (Distribution) new Distribution.Fixed(0), "time between two reads");
        static final Key<List<SourceId>> SOURCES = Key.of("sources",
                ValueType.listOf(ValueTypes.oneOf("source", SourceId.values(), SourceId::id)), List.of(SourceId.RDTSC),
                "the time sources, each run as its own pass over the same machine and schedule");
        static final Key<Double> CALIBRATION_ERROR = Key.of("calibrationError", ValueTypes.BOUNDED_PPM, 0.0,
                "error of the program's cycles-to-ns frequency (rdtsc, rdtscp)");
        static final Key<WorkloadMode> MODE = Key.of("mode",
                ValueTypes.oneOf("workload mode", WorkloadMode.values(), WorkloadMode::id), WorkloadMode.PASSES,
                "passes (one per source), or alternate (one pass calling the sources in turn)");
        static final Key<Program> PROGRAM = Key.of("program", ValueTypes.oneOf("program", Program.values(), Program::id),
                Program.NONE, "a kernel or vdsotest check program whose verdict the run reports");
        static final Group GROUP = Group.mapping("workload", "what the program does", THREADS, PATTERN,
                HANDOFF_LATENCY, HANDOFF_ORDER, THINK_TIME, SOURCES, CALIBRATION_ERROR, MODE, PROGRAM);

        private Workload() {
        }
    }

    /** {@code sources.ID}: settings of a source of {@code workload.sources}. */
    static final class Sources {
        static final Key<Distribution> LATENCY = Key.derived("latency", ValueTypes.DISTRIBUTION,
                "the latency preset's", "the call's latency");
        static final Key<ClockId> CLOCK = Key.of("clock", ValueTypes.oneOf("clock", ClockId.values(), ClockId::id),
                ClockId.MONOTONIC, "the clock id (clock_gettime sources; the coarse one: monotonic or realtime)");
        static final Group GROUP = Group.byId("sources", "per source id, settings of a source of workload.sources",
                LATENCY, CLOCK);

        private Sources() {
        }
    }

    /** {@code output}: what the results keep. */
    static final class Output {
        static final Key<Integer> MAX_BACKWARD_EVENTS = Key.of("maxBackwardEvents", ValueTypes.integerAtLeast(0),
                10_000, "rows kept per source in backward-events.csv: a uniform sample over the run (all are counted)");
        static final Key<Integer> SKEW_SAMPLES = Key.of("skewSamples", ValueTypes.integerAtLeast(2), 200,
                "samples of each core's offset over the run (skew.csv)");
        static final Key<Integer> TRACE_THREAD = Key.of("traceThread", ValueTypes.contextual("auto, or a thread index",
                        t -> t < 0 ? ExperimentReader.AUTO : Integer.toString(t),
                        ValueTypes.autoOr(JsonNodeFactory.instance.objectNode().put("type", "integer").put("minimum", 0))),
                -1, "the thread of the read-trace chart; auto: the one with the most backward steps");
        static final Group GROUP = Group.mapping("output", "what the results keep", MAX_BACKWARD_EVENTS,
                SKEW_SAMPLES, TRACE_THREAD);

        private Output() {
        }
    }

    /** {@code sweep}: the parameters a sweep varies (docs: README, Sweeps). */
    static final class Sweep {
        static final Key<Double> CONFIDENCE = Key.of("confidence", ValueTypes.numberBetween(0, 1), 0.95,
                "level of the Student-t intervals");
        static final Key<String> PARAMETER_KEY = Key.required("key", ValueTypes.TEXT,
                "the key path swept, e.g. machine.tsc.socketOffset[1]");
        static final Key<List<String>> VALUES = Key.derived("values", ValueType.listOf(ValueTypes.TEXT),
                "or from/to/steps", "the values, in their units");
        static final Key<String> FROM = Key.derived("from", ValueTypes.TEXT, "or values", "the first value of a range");
        static final Key<String> TO = Key.derived("to", ValueTypes.TEXT, "or values", "the last value of a range");
        static final Key<Integer> STEPS = Key.derived("steps", ValueTypes.integerIn(2, 1000), "or values",
                "values in the range");
        static final Key<String> SCALE = Key.of("scale", ValueTypes.word("scale", List.of(SweepReader.LINEAR,
                SweepReader.LOG)), SweepReader.LINEAR, "spacing of a range");
        static final Key<String> PARAMETER_LABEL = Key.derived("label", ValueTypes.TEXT,
                "the key's description", "what the charts' axes call it, e.g. socket 1's counter offset");
        static final Key<String> THRESHOLD = Key.derived("threshold", ValueTypes.TEXT, "none",
                "a value of the parameter to mark on the charts, in its units (e.g. the 2us migration gap)");
        static final Key<String> THRESHOLD_LABEL = Key.of("thresholdLabel", ValueTypes.TEXT, "threshold",
                "what the mark says");
        static final Group PARAMETERS = Group.list("parameters", "one or two swept parameters", PARAMETER_KEY, VALUES,
                FROM, TO, STEPS, SCALE, PARAMETER_LABEL, THRESHOLD, THRESHOLD_LABEL);
        static final Key<String> FORM_SOURCE = Key.required("source", ValueTypes.TEXT, "a source of workload.sources");
        static final Key<String> FORM_METRIC = Key.required("metric", ValueTypes.word("metric of sweep.csv",
                Metrics.sweptNames()), "a metric of sweep.csv");
        static final Key<String> FORM_LABEL = Key.of("label", ValueTypes.TEXT, "closed form", "the legend's label");
        static final Key<Double> FORM_INTERCEPT = Key.required("intercept", ValueTypes.number(), "metric at x = 0");
        static final Key<Double> FORM_SLOPE = Key.required("slope", ValueTypes.number(),
                "metric per unit of the first parameter (its base unit)");
        static final Group CLOSED_FORM = Group.mapping("closedForm", "a line to draw beside a metric",
                FORM_SOURCE, FORM_METRIC, FORM_LABEL, FORM_INTERCEPT, FORM_SLOPE);
        static final Group GROUP = Group.mapping("sweep", "the parameters a sweep varies", CONFIDENCE, PARAMETERS,
                CLOSED_FORM);

        private Sweep() {
        }
    }

    /**
     * A readable name of the key at {@code keyPath} ({@code machine.tsc.socketOffset[1]}): its description
     * up to the first comma or parenthesis, with the key's last segment after it ("each socket's counter
     * offset from true time (socketOffset[1])"); the path itself when no key has that path.
     */
    static String readableName(String keyPath) {
        SchemaEntry entry = Top.ROOT;
        boolean idNext = false;
        for (String segment : keyPath.split("\\.")) {
            if (idNext) { // sources.rdtsc.latency: the id names no entry
                idNext = false;
                continue;
            }
            String name = segment.replaceAll("\\[.*$", "");
            if (!(entry instanceof Group group)) {
                return keyPath;
            }
            entry = group.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
            if (entry == null) {
                return keyPath;
            }
            idNext = entry instanceof Group g && g.shape() == Group.Shape.BY_ID;
        }
        String doc = entry.doc().split(",| \\(", 2)[0].strip();
        return doc.isEmpty() ? keyPath : doc + " (" + keyPath.substring(keyPath.lastIndexOf('.') + 1) + ")";
    }

    /** The top level of an experiment file. */
    static final class Top {
        static final Key<String> NAME = Key.derived("name", ValueTypes.TEXT, "the file's base name",
                "the experiment's name: its results go to results/NAME/");
        static final Key<String> DESCRIPTION = Key.of("description", ValueTypes.TEXT, "", "one line about it");
        static final Key<Long> SEED = Key.of("seed", ValueTypes.LONG, 1L, "the seed of every random stream");
        static final Key<Long> DURATION = Key.required("duration", ValueTypes.POSITIVE_DURATION,
                "simulated time");
        static final Key<LatencyPreset> LATENCY = Key.of("latency",
                ValueTypes.oneOf("latency preset", LatencyPreset.values(), LatencyPreset::id),
                LatencyPreset.MODERN_MITIGATED, "the default call latencies of every source");
        static final Key<SimulationMode> SIMULATION = Key.of("simulation",
                ValueTypes.oneOf("simulation mode", SimulationMode.values(), SimulationMode::id), SimulationMode.EXACT,
                "exact: every read simulated; fast: the reads between events aggregated (docs/PERFORMANCE.md)");
        static final Key<Integer> REPLICATIONS = Key.of("replications", ValueTypes.integerAtLeast(1), 1,
                "replications per sweep point");
        static final Key<String> EXPECT = Key.derived("expect", ValueTypes.described(
                "a mapping of subjects (source ids, kernel, program, crossSource) to metrics and conditions"),
                "none", "what the run must show (clocksim check)");
        static final Group ROOT = Group.mapping("", "an experiment", NAME, DESCRIPTION, SEED, DURATION, LATENCY,
                SIMULATION, Machine.GROUP, Kernel.GROUP, Scheduler.GROUP, Workload.GROUP, Sources.GROUP, Output.GROUP,
                REPLICATIONS, Sweep.GROUP, EXPECT);

        private Top() {
        }
    }
}
