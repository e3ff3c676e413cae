package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.LocalEvent;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TimeUnits;

/**
 * The simulated kernel's timekeeping: boots (sync check, clocksource choice), ticks on the
 * timekeeping CPU, publishes each update to the vDSO data page under a sequence counter, applies
 * NTP changes, runs the watchdog and switches clocksource when the TSC is marked unstable.
 *
 * <p>Publication (kernel/time/vsyscall.c, include/vdso/helpers.h, KERNEL-FACTS.md §2): at each
 * update of the timekeeper (a tick that updates, an immediate NTP frequency change since 4.19, a
 * clocksource switch) the sequence counter turns odd, and turns even again {@code publishTime} after
 * the last update. Readers that see it odd wait; readers that see it change retry. The adjtimex
 * caller is modelled on the timekeeping CPU (its clocksource read gives the unaccumulated offset).
 */
public final class Kernel {
    /**
     * Every this many ticks one catches every thread up, plain or not: a thread lags by fewer writes of the data
     * page than it keeps ({@link DataPageWrites#KEPT}).
     */
    static final int PLAIN_TICKS_BETWEEN_CATCH_UPS = 32;
    private final KernelSpec spec;
    private final Machine machine;
    private final TscClocksource tsc;
    private final Clocksource fallback;
    private final Timekeeper timekeeper;
    private final long tickPs;
    private final List<KernelReport.ClocksourceSwitch> switches = new ArrayList<>();
    private final List<KernelReport.SyncCheckResult> syncCheck;
    private final boolean syncCheckEnabled;
    private final Watchdog watchdog;
    private final TscAdjustCheck tscAdjustCheck;
    private final long[] lastSeenPublication;
    private final Simulation simulation;
    /** The release's vDSO clock ids and HPET mode, looked up once: the read path allocates nothing (principle 7). */
    private final boolean[] vdsoClocks = new boolean[ClockId.values().length];
    private final boolean hpetInUserMode;
    /**
     * The handlers of the recurring events, built once (a reschedule allocates nothing). The tick catches up the
     * threads itself ({@link #scopeTicks}): by default every activity.
     */
    private final LocalEvent onTick = this::tick;
    private long nextTickAtPs;
    private final EventHandler onFlip = this::flip;
    private final DataPageWrites writes = new DataPageWrites();
    private TickCatchUp tickCatchUp;
    private long publications;
    private long ticks;
    private String pendingSwitchReason;
    private double ntpFrequencyPpm;
    private final List<KernelReport.NtpChange> ntpChanges = new ArrayList<>();

    /**
     * @param kvmClock kvm-clock on a KVM guest, else null (then the configuration names no kvm-clock)
     */
    public Kernel(KernelSpec spec, Machine machine, PlatformTimer hpet, PlatformTimer acpiPm, Clocksource kvmClock,
                  boolean invariantTsc, boolean tscAdjust, RandomStreams streams, Simulation simulation) {
        this.simulation = simulation;
        this.tickCatchUp = (timePs, plain) -> simulation.catchUp(timePs);
        this.spec = spec;
        for (ClockId clock : ClockId.values()) {
            vdsoClocks[clock.ordinal()] = KernelRules.vdsoReads(spec.version(), clock);
        }
        this.hpetInUserMode = KernelRules.hpetReadInUserMode(spec.version());
        this.machine = machine;
        this.tsc = new TscClocksource(machine);
        this.fallback = switch (spec.clocksources().fallback()) {
            case ACPI_PM -> acpiPm;
            case KVM_CLOCK -> kvmClock;
            default -> hpet;
        };
        this.tickPs = TimeUnits.PS_PER_S / spec.tick().hz();
        this.lastSeenPublication = new long[machine.cores()];
        this.syncCheckEnabled = spec.syncCheck().enabled() && !spec.tscReliable();
        this.syncCheck = syncCheckEnabled
                ? new SyncCheck(machine, KernelRules.syncCheck(spec.version(), tscAdjust), spec.syncCheck(),
                        streams.stream(StreamName.SYNC_CHECK.of())).run()
                : List.of();
        Clocksource boot = switch (spec.clocksources().boot()) {
            case HPET -> hpet;
            case ACPI_PM -> acpiPm;
            case KVM_CLOCK -> kvmClock;
            default -> tsc;
        };
        long warp = syncCheck.stream().filter(r -> r.verdict() == SyncCheckVerdict.UNSTABLE)
                .mapToLong(KernelReport.SyncCheckResult::warpCycles).max().orElse(-1);
        if (boot == tsc && warp >= 0) {
            boot = fallback;
            switches.add(new KernelReport.ClocksourceSwitch(0, tsc.name(), fallback.name(),
                    "Measured " + warp + " cycles TSC warp between CPUs, turning off TSC clock"));
        }
        this.timekeeper = new Timekeeper(spec.tick().hz(), KernelRules.timekeeping(spec.version()), spec.ntpUpdate(),
                spec.wallClockStartNs(), spec.taiOffsetNs(), boot, spec.tick().timekeepingCpu(), 0);
        if (!invariantTsc && !spec.tscReliable()) {
            machine.setListener((timePs, reason) -> markTscUnstable(reason));
        }
        this.ntpFrequencyPpm = spec.ntp().frequencyPpm();
        timekeeper.startAtNtpFrequency(ntpFrequencyPpm);
        this.watchdog = watchdogRuns(machine, invariantTsc, tscAdjust) && boot == tsc
                ? new Watchdog(tsc, fallback, machine.cores(), spec.watchdog().intervalPs(), watchdogMarginPs(),
                        KernelRules.watchdogReadBack(spec.version()), streams.stream(StreamName.WATCHDOG.of()), this::markTscUnstable)
                : null;
        TscAdjustRecheck recheck = KernelRules.tscAdjustRecheck(spec.version(), tscAdjust);
        this.tscAdjustCheck = recheck.any() && boot == tsc ? new TscAdjustCheck(machine, recheck, bootTscAdjust()) : null;
        schedule();
    }

    /** Each CPU's TSC_ADJUST as the boot left it, relative to its boot value: the sync check's writes. */
    private long[] bootTscAdjust() {
        long[] adjusted = new long[machine.cores()];
        for (KernelReport.SyncCheckResult result : syncCheck) {
            adjusted[result.cpu()] = result.compensationCycles();
        }
        return adjusted;
    }

    /**
     * Fast mode's scoped ticks: before a tick the kernel asks {@code catchUp} to bring the threads up to it,
     * telling it whether the tick is plain (it changes nothing a read returns: no clocksource switch, no new mult,
     * {@link #PLAIN_TICKS_BETWEEN_CATCH_UPS}), so that threads whose reads only see its data-page write may stay
     * behind (docs/PERFORMANCE.md, "Plain ticks").
     */
    public void scopeTicks(TickCatchUp catchUp) {
        this.tickCatchUp = catchUp;
    }

    /** Lets the TSC_ADJUST re-check know which cores run a thread (they never enter idle). */
    public void watchThreads(Scheduler scheduler) {
        if (tscAdjustCheck != null) {
            tscAdjustCheck.watch(scheduler);
        }
    }

    /** Whether the watchdog checks the TSC: the release's exemption ({@link KernelRules#watchdogExemption}) unless overridden. */
    private boolean watchdogRuns(Machine machine, boolean invariantTsc, boolean tscAdjust) {
        if (spec.tscReliable()) {
            return false;
        }
        return switch (spec.watchdog().mode()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> !KernelRules.watchdogExemption(spec.version()).exempts(invariantTsc, tscAdjust, machine.sockets());
        };
    }

    private long watchdogMarginPs() {
        return spec.watchdog().marginPs() > 0 ? spec.watchdog().marginPs() : KernelRules.watchdogMarginPs(spec.version());
    }

    /**
     * Until when the clocksource stays as it is. It changes only at a tick (a watchdog's verdict, or a pending
     * switch, takes effect there), and in this model only away from the TSC ({@link #markTscUnstable}; an unstable
     * TSC is never chosen again: its rating drops to 0, kernel/time/clocksource.c), so on any other it stays for good.
     */
    public long clocksourceFixedUntilPs() {
        return timekeeper.clocksource() == tsc ? nextTickAtPs : Long.MAX_VALUE;
    }

    private void schedule() {
        nextTickAtPs = nextTickPs(0);
        simulation.schedule(nextTickAtPs, onTick);
        NtpSpec ntp = spec.ntp();
        for (NtpSpec.Change change : ntp.changes()) {
            simulation.schedule(change.atPs(), time -> setNtpFrequency(change.frequencyPpm(), time));
        }
        if (ntp.flipEveryPs() > 0) {
            simulation.schedule(ntp.flipEveryPs(), onFlip);
        }
        if (tscAdjustCheck != null) {
            tscAdjustCheck.start(simulation);
        }
        if (watchdog != null) {
            watchdog.start(simulation);
        }
    }

    private void flip(long timePs) {
        setNtpFrequency(-ntpFrequencyPpm, timePs);
        simulation.schedule(timePs + spec.ntp().flipEveryPs(), onFlip);
    }

    /** adjtimex(ADJ_FREQUENCY) on the timekeeping CPU: at once since 4.19 (then published), else at the next tick. */
    private void setNtpFrequency(double ppm, long timePs) {
        ntpFrequencyPpm = ppm;
        int before = timekeeper.multChanges();
        if (timekeeper.setNtpFrequency(ppm, timekeeper.clocksource().read(spec.tick().timekeepingCpu(), timePs))) {
            publish(timePs);
        }
        noteMultChange(before, timePs);
    }

    /** Records the mult the timekeeper took at {@code timePs}, if it changed since it counted {@code before}. */
    private void noteMultChange(int before, long timePs) {
        if (timekeeper.multChanges() != before) {
            ntpChanges.add(new KernelReport.NtpChange(timePs, ntpFrequencyPpm, timekeeper.mult()));
        }
    }

    private void tick(long timePs) {
        tickCatchUp.beforeTick(timePs, pendingSwitchReason == null && !timekeeper.steersAtNextUpdate()
                && (ticks + 1) % PLAIN_TICKS_BETWEEN_CATCH_UPS != 0);
        ticks++;
        int cpu = spec.tick().timekeepingCpu();
        boolean switched = pendingSwitchReason != null;
        if (switched) {
            Clocksource old = timekeeper.clocksource();
            timekeeper.changeClocksource(fallback, old.read(cpu, timePs), fallback.read(cpu, timePs));
            switches.add(new KernelReport.ClocksourceSwitch(timePs, old.name(), fallback.name(), pendingSwitchReason));
            pendingSwitchReason = null;
        }
        int before = timekeeper.multChanges();
        boolean advanced = timekeeper.advance(timekeeper.clocksource().read(cpu, timePs));
        if (switched || advanced) {
            publish(timePs);
        }
        noteMultChange(before, timePs);
        nextTickAtPs = nextTickPs(timePs);
        simulation.schedule(nextTickAtPs, onTick);
    }

    /**
     * update_vsyscall() under the sequence counter: odd from now until {@code publishTime} after the last
     * update. An update while a write is under way extends that write.
     */
    private void publish(long timePs) {
        publications++;
        writes.publish(timePs, spec.vdsoPage().publishTimePs());
    }

    /**
     * The tick is a timer on the kernel's own clock (tick_sched_timer, hrtimer_forward): tick k fires
     * when the timekeeping CPU's MONOTONIC reaches k / HZ, and the update reads the clocksource
     * {@code tickLatency} later (interrupt entry). So the counter has run one tick of kernel time
     * since the previous update: whole intervals are accumulated and the remainder is the phase
     * between the tick and the {@code cycle_last} grid, which NTP slewing makes drift
     * (KERNEL-FACTS.md §2). The true time is predicted from the counter's current rate; a counter
     * that does not advance ticks at the nominal period.
     */
    private long nextTickPs(long nowPs) {
        int cpu = spec.tick().timekeepingCpu();
        Clocksource clocksource = timekeeper.clocksource();
        double rate = clocksource.cyclesPerPs(cpu);
        if (rate <= 0) {
            return nowPs + tickPs;
        }
        long boundaryNs = (ticks + 1) * (MultShift.NSEC_PER_SEC / spec.tick().hz());
        long due = Clocksource.delta(timekeeper.cyclesAtMonotonic(boundaryNs), clocksource.read(cpu, nowPs),
                clocksource.mask());
        // the first picosecond at which the counter (floor(t · rate)) has reached the due value;
        // the micro-picosecond keeps a floating-point hair from pushing an exact boundary 1 ps late
        return nowPs + Math.max(1, (long) Math.ceil(due / rate - 1e-6) + spec.tick().latencyPs());
    }

    /** mark_tsc_unstable(): the switch to the fallback happens at the next tick. */
    public void markTscUnstable(String reason) {
        if (timekeeper.clocksource() == tsc && pendingSwitchReason == null) {
            pendingSwitchReason = reason;
        }
        if (watchdog != null) {
            watchdog.stop();
        }
        if (tscAdjustCheck != null) {
            tscAdjustCheck.stop();
        }
    }

    public Timekeeper timekeeper() {
        return timekeeper;
    }

    public Machine machine() {
        return machine;
    }

    /**
     * The vDSO data page's sequence counter at {@code timePs}: odd while an update is being written. The counter
     * is a function of time, not an event's state, so that the end of a write ends no quiet stretch in fast mode
     * (docs/PERFORMANCE.md, "Event scopes"), and a thread behind by a few plain ticks reads it as it was.
     */
    public int sequence(long timePs) {
        return writes.sequence(timePs);
    }

    /** When the update being written at {@code timePs} (if the sequence is odd) is complete. */
    public long writeEndsPs(long timePs) {
        return writes.endsPs(timePs);
    }

    /** The data page's writes begun so far (fast mode's plain ticks: {@link #writeBeganPs}). */
    public int dataPageWrites() {
        return writes.count();
    }

    /** When the {@code write}-th write of the data page began (1 the first; one of the last few dozen). */
    public long writeBeganPs(int write) {
        return writes.beganPs(write);
    }

    /** How long a write of the data page takes (its sequence is odd). */
    public long publishTimePs() {
        return spec.vdsoPage().publishTimePs();
    }

    /**
     * Whether this is {@code cpu}'s first look at the data page since it was last written: the
     * page's cache line must come from the writer (KERNEL-FACTS.md §3: tail > 200 ns right after
     * an update).
     */
    public boolean firstLookSinceUpdate(int cpu) {
        boolean first = lastSeenPublication[cpu] != publications;
        lastSeenPublication[cpu] = publications;
        return first;
    }

    /**
     * Whether the vDSO can read the current clocksource (vclock mode TSC; HPET too before 4.7,
     * {@link KernelRules#hpetReadInUserMode}), or must fall back.
     */
    public boolean vdsoCapable() {
        Clocksource clocksource = timekeeper.clocksource();
        return clocksource.vdsoCapable()
                || clocksource.name() == ClocksourceId.HPET && hpetInUserMode;
    }

    public long dataPageMissPs() {
        return spec.vdsoPage().dataPageMissPs();
    }

    public long tickPs() {
        return tickPs;
    }

    public VsyscallMode vsyscall() {
        return spec.vsyscall();
    }

    public long wallClockStartNs() {
        return spec.wallClockStartNs();
    }

    /** CLOCK_TAI − CLOCK_REALTIME. */
    public long taiOffsetNs() {
        return spec.taiOffsetNs();
    }

    /** How many clocksource switches have happened so far (a cause of backward steps). */
    public int clocksourceSwitches() {
        return switches.size();
    }

    /**
     * How many steps NTP has made so far in a clock: naive updates step every clock at each mult change; with the
     * continuity correction only the coarse clocks step, back, at an immediate change before 6.15.
     */
    public int ntpSteps(boolean coarse) {
        if (spec.ntpUpdate() == NtpUpdate.NAIVE) {
            return timekeeper.multChanges();
        }
        return coarse ? timekeeper.coarseStepsBack() : 0;
    }

    /** Whether the vDSO reads {@code clock} with the current clocksource itself, or must make the syscall. */
    public boolean vdsoReads(ClockId clock) {
        return vdsoClocks[clock.ordinal()] && (clock.coarse() || vdsoCapable());
    }

    public KernelReport report() {
        return new KernelReport(timekeeper.clocksource().name(), switches, syncCheckEnabled, syncCheck,
                watchdog != null, watchdog == null ? List.of() : watchdog.checks(), ticks, ntpChanges,
                tscAdjustCheck == null ? List.of() : tscAdjustCheck.restores());
    }
}
