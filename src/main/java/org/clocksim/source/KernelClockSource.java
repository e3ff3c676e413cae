package org.clocksim.source;

import java.util.ArrayList;
import java.util.List;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.Clocksource;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.Scheduler;
import org.clocksim.kernel.Timekeeper;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TimeUnits;

/**
 * A call that reads the kernel's clock: vDSO and native-vsyscall code in user mode, or the syscall
 * (KERNEL-FACTS.md §3). The call is split into steps at true times, each run when the simulation
 * reaches it:
 * <ol>
 *   <li>read the data page's sequence counter (wait while it is odd: an update is being written);</li>
 *   <li>read the counter of the CPU the thread is on <em>now</em> and compute the clock from the
 *       snapshot (nothing detects a migration between steps 1 and 2: KERNEL-FACTS.md §4);</li>
 *   <li>read the sequence again and retry from 1 if it changed (include/vdso/helpers.h).</li>
 * </ol>
 * The user path's steps are a quarter of the call's latency apart, plus a cache miss on a CPU's
 * first look at a freshly written page. When the clocksource is not vDSO-capable (clock mode NONE)
 * the user path falls back to the syscall: the vDSO entry, then the syscall's latency plus the
 * clocksource's read. The syscall path spends half its latency entering and half returning; in
 * between it reads the clocksource on the current CPU under the same sequence. Coarse clocks read
 * the last tick's base and no counter, so they never fall back. A clock id the release's vDSO does not
 * read ({@link Kernel#vdsoReads}) falls back the same way. Before 4.7 the user path reads the HPET
 * itself (vread_hpet), which costs the HPET's read latency, drawn like the syscall's. A gettimeofday
 * reading is in us, time() in s: the clock truncated, as the program sees it.
 */
public final class KernelClockSource implements TimeSource, WholeCall {
    private static final int SEQUENCE_BEGIN = 0;
    private static final int COUNTER = 1;
    private static final int SEQUENCE_CHECK = 2;
    private static final int FINISH = 3;

    private final SourceId id;
    private final CallPath path;
    private final ClockId clock;
    private final long unitNs;
    private final Kernel kernel;
    private final Timekeeper timekeeper;
    private final Scheduler scheduler;
    private final Distribution latency;
    private final Distribution syscallLatency;
    private final RandomStreams streams;
    private final long epochNs;
    /** The user path's four quarter-steps, when the reading is in ns; null otherwise. */
    private final SteadyCall steady;
    /** The call through the syscall on {@link #syscallCallOf}, or null before one is needed. */
    private SteadyCall syscallCall;
    private Clocksource syscallCallOf;
    /** What a plain tick does to a call through the syscall on {@link #crossingOf}, or null before one is needed. */
    private TickCrossing crossing;
    private Clocksource crossingOf;

    /**
     * @param syscallLatency the syscall this call falls back to (or is, for {@link CallPath#SYSCALL})
     */
    KernelClockSource(SourceId id, CallPath path, ClockId clock, long unitNs, Kernel kernel, Scheduler scheduler,
                      Distribution latency, Distribution syscallLatency, RandomStreams streams) {
        this.id = id;
        this.path = path;
        this.clock = clock;
        this.unitNs = unitNs;
        this.kernel = kernel;
        this.timekeeper = kernel.timekeeper();
        this.scheduler = scheduler;
        this.latency = latency;
        this.syscallLatency = syscallLatency;
        this.streams = streams;
        this.epochNs = (clock.wallClock() ? kernel.wallClockStartNs() : 0)
                + (clock == ClockId.TAI ? kernel.taiOffsetNs() : 0);
        this.steady = path == CallPath.USER && unitNs == 1 ? new SteadyCall(latency, 4) : null;
    }

    @Override
    public SourceId id() {
        return id;
    }

    @Override
    public double nsPerUnit() {
        return unitNs;
    }

    @Override
    public Timeline timeline() {
        return Timeline.of(clock);
    }

    @Override
    public boolean tickBased() {
        return clock.coarse();
    }

    @Override
    public double sinceEpochNs(long value) {
        return (double) (value * unitNs - epochNs);
    }

    /**
     * The call as it runs until the next event, when the last call neither retried nor failed and the
     * reading is in ns: the data page and the clocksource change only at events.
     * <ul>
     *   <li>The user path: the four quarter-steps of one latency draw (the first look at a fresh page was the
     *       last call's), when the counter is read for free: the TSC, or kvm-clock (the TSC scaled by vCPU 0's
     *       pvclock structure, which changes only at events). Not while the user path reads the HPET itself
     *       (before 4.7): each call then also pays its read.</li>
     *   <li>The syscall, or the user path falling back to it: the syscall's latency, the clocksource's read
     *       and, for a fallback, the quarter of the vDSO's latency spent before it ({@link #syscallCall}).
     *       Not on kvm-clock, whose kernel read may take the last_value guard of every vCPU's reads.</li>
     * </ul>
     */
    @Override
    public SteadyCall steadyCall(Read last) {
        if (last.retries != 0 || last.failed || unitNs != 1) {
            return null;
        }
        Clocksource clocksource = timekeeper.clocksource();
        if (path == CallPath.USER && !last.fallback) {
            return clock.coarse() || clocksource.readLatency().expectedValue() == 0 ? steady : null;
        }
        boolean throughSyscall = path == CallPath.SYSCALL || path == CallPath.USER && last.fallback;
        return throughSyscall && (clock.coarse() || clocksource.name() != ClocksourceId.KVM_CLOCK)
                ? syscallCall(clocksource) : null;
    }

    /**
     * The syscall, or the user path falling back to it at its first step (which reads only the data page's
     * sequence), on a counter that is the same on every CPU (a platform timer) or on none (a coarse clock):
     * nothing such a call does depends on the core. The user path's own reads are not: a CPU's first look at
     * a fresh data page misses the cache; and the TSC and kvm-clock are read per CPU. It stays so while the
     * clocksource does ({@link org.clocksim.kernel.Kernel#clocksourceFixedUntilPs}): for good on a platform timer.
     */
    @Override
    public long coreBlindUntilPs() {
        boolean throughSyscall = path == CallPath.SYSCALL || path == CallPath.USER && !kernel.vdsoReads(clock);
        return throughSyscall && (clock.coarse() || timekeeper.clocksource().sameOnEveryCpu())
                ? kernel.clocksourceFixedUntilPs() : Long.MIN_VALUE;
    }

    /**
     * A thread whose calls are core-blind reads the same function of time across a plain tick (one that only
     * writes the data page: a platform timer's conversion stays), unless its clock is coarse (it steps at each
     * tick): fast mode lets it cross them, the write's wait or retry drawn.
     */
    @Override
    public TickCrossing tickCrossing() {
        if (clock.coarse() || coreBlindUntilPs() == Long.MIN_VALUE) {
            return null;
        }
        Clocksource clocksource = timekeeper.clocksource();
        if (crossingOf != clocksource) { // not coarse: the syscall's call has its clocksource read, so it is a sum
            crossing = new TickCrossing(kernel, (Distribution.Sum) syscallCall(clocksource).latency());
            crossingOf = clocksource;
        }
        return crossing;
    }

    /**
     * A call through the syscall on {@code clocksource}, built once per clocksource: the syscall's latency
     * (half in, half out), the clocksource's read in between (none for a coarse clock), and before a fallback
     * a quarter of the vDSO's latency. The read's two halves, each rounded down, count as one draw (less
     * than a picosecond apart).
     */
    private SteadyCall syscallCall(Clocksource clocksource) {
        if (syscallCallOf != clocksource) {
            List<Distribution> parts = new ArrayList<>();
            parts.add(path == CallPath.SYSCALL ? latency : syscallLatency);
            if (!clock.coarse()) {
                parts.add(clocksource.readLatency());
            }
            if (path == CallPath.USER) {
                parts.add(new Distribution.Fraction(latency, 4));
            }
            syscallCall = new SteadyCall(parts.size() == 1 ? parts.get(0) : new Distribution.Sum(parts), 1);
            syscallCallOf = clocksource;
        }
        return syscallCall;
    }

    @Override
    public Read open(int thread) {
        return new Read(thread, streams.stream(StreamName.LATENCY.of(id.id(), thread)));
    }

    @Override
    public long begin(Read read, long startPs) {
        return begin(read, startPs, drawLatencyPs(read));
    }

    /**
     * After a call that neither retried, fell back nor faulted, through the user path or the syscall, of a coarse
     * clock or on the TSC: nothing but an event changes what such a call does. The data page's write, begun at an
     * event (a tick, an NTP change: {@link Kernel#sequence} is odd until it ends), ended before that call's sequence
     * check passed; the CPU's first look at it was that call's; the TSC
     * costs nothing to read and is a function of time on a core. (Not kvm-clock, whose kernel read may take the
     * last_value guard; nor a platform timer, whose read is a draw of its own.)
     */
    @Override
    public WholeCall wholeCall(Read last) {
        if (last.retries != 0 || last.failed || last.fallback) {
            return null;
        }
        boolean steadyPath = path == CallPath.SYSCALL || path == CallPath.USER && kernel.vdsoReads(clock);
        return steadyPath && (clock.coarse() || timekeeper.clocksource().name() == ClocksourceId.TSC) ? this : null;
    }

    @Override
    public long drawLatencyPs(Read read) {
        return latency.sample(read.latencyRandom);
    }

    /** The user path samples after two of its quarter-steps; the syscall halfway. */
    @Override
    public long samplePs(long startPs, long latencyPs) {
        return startPs + (path == CallPath.USER ? 2 * (latencyPs / 4) : latencyPs / 2);
    }

    @Override
    public long endPs(long startPs, long latencyPs) {
        return startPs + (path == CallPath.USER ? 4 * (latencyPs / 4) : latencyPs);
    }

    @Override
    public long valueAt(int core, long samplePs) {
        return reading(core, samplePs, path == CallPath.USER);
    }

    @Override
    public long begin(Read read, long startPs, long latencyPs) {
        read.start(startPs);
        switch (path) {
            case USER -> {
                read.remainingPs = latencyPs / 4;
                read.phase = SEQUENCE_BEGIN;
                return startPs + read.remainingPs;
            }
            case SYSCALL -> {
                return enterSyscall(read, startPs, latencyPs);
            }
            case USER_NO_SEQUENCE -> {
                read.remainingPs = latencyPs - latencyPs / 2;
                read.phase = COUNTER;
                return startPs + latencyPs / 2;
            }
            default -> {
                read.failed = true;
                read.phase = FINISH;
                return startPs + latencyPs;
            }
        }
    }

    /** Half the syscall's latency to get in; the clocksource's read is drawn now. */
    private long enterSyscall(Read read, long nowPs, long latencyPs) {
        read.remainingPs = latencyPs - latencyPs / 2;
        read.counterPs = clock.coarse() ? 0 : timekeeper.clocksource().readLatency().sample(read.latencyRandom) / 2;
        read.phase = SEQUENCE_BEGIN;
        return nowPs + latencyPs / 2;
    }

    /** Before the sample, half of a user-mode read of a slow counter (the HPET before 4.7); the TSC's costs nothing. */
    private long userCounterReadPs(Read read) {
        read.counterPs = clock.coarse() ? 0 : timekeeper.clocksource().readLatency().sample(read.latencyRandom) / 2;
        return read.counterPs;
    }

    private boolean userPath(Read read) {
        return path == CallPath.USER && !read.fallback;
    }

    @Override
    public long step(Read read, long nowPs) {
        return switch (read.phase) {
            case SEQUENCE_BEGIN -> beginSequence(read, nowPs);
            case COUNTER -> sample(read, nowPs);
            case SEQUENCE_CHECK -> checkSequence(read, nowPs);
            default -> finish(read, nowPs);
        };
    }

    private long beginSequence(Read read, long nowPs) {
        if ((kernel.sequence(nowPs) & 1) != 0) {
            return Math.max(nowPs + 1, kernel.writeEndsPs(nowPs));
        }
        if (userPath(read) && !kernel.vdsoReads(clock)) {
            read.fallback = true;
            return enterSyscall(read, nowPs, syscallLatency.sample(read.latencyRandom));
        }
        read.sequence = kernel.sequence(nowPs);
        read.phase = COUNTER;
        if (userPath(read)) {
            boolean miss = kernel.firstLookSinceUpdate(scheduler.coreOf(read.thread));
            return nowPs + read.remainingPs + (miss ? kernel.dataPageMissPs() : 0) + userCounterReadPs(read);
        }
        return nowPs + read.counterPs;
    }

    private long sample(Read read, long nowPs) {
        int core = scheduler.coreOf(read.thread);
        read.samplePs = nowPs;
        read.core = core;
        read.migrationsAtSample = scheduler.migrations(read.thread);
        read.switchesAtSample = kernel.clocksourceSwitches();
        read.ntpStepsAtSample = kernel.ntpSteps(clock.coarse());
        read.tscWritesAtSample = kernel.machine().tscWrites();
        if (path == CallPath.USER_NO_SEQUENCE) {
            read.value = timekeeper.realtimeSeconds();
            read.phase = FINISH;
            return nowPs + read.remainingPs;
        }
        Clocksource clocksource = timekeeper.clocksource();
        long costPs = clock.coarse() || userPath(read) ? 0 : clocksource.readCostPs(core);
        read.viaKvmClock = !clock.coarse() && clocksource.name() == ClocksourceId.KVM_CLOCK;
        if (!clock.coarse()) {
            read.counterLagNs = TimeUnits.ns(clocksource.lagPs(core, nowPs));
            read.counterStepNs = TimeUnits.ns(clocksource.stepPs(core));
        }
        read.value = reading(core, nowPs, userPath(read));
        read.phase = SEQUENCE_CHECK;
        return nowPs + (userPath(read) ? read.remainingPs + read.counterPs : read.counterPs) + costPs;
    }

    /** The clock computed from the counter of {@code core} sampled at {@code nowPs}, by the user path or the kernel. */
    private long reading(int core, long nowPs, boolean user) {
        Clocksource clocksource = timekeeper.clocksource();
        long cycles = clock.coarse() ? 0 : user ? clocksource.readUser(core, nowPs) : clocksource.read(core, nowPs);
        long ns = timekeeper.readNs(clock, cycles);
        return unitNs == 1 ? ns : Math.floorDiv(ns, unitNs); // a 64-bit division costs more than the rest
    }

    private long checkSequence(Read read, long nowPs) {
        if (kernel.sequence(nowPs) != read.sequence) {
            read.retries++;
            read.phase = SEQUENCE_BEGIN;
            // the vDSO runs its loop body again; the syscall re-reads the sequence at once, so a
            // retry costs it one more clocksource read
            return nowPs + (userPath(read) ? read.remainingPs : 0);
        }
        read.phase = FINISH;
        return nowPs + read.remainingPs;
    }

    private long finish(Read read, long nowPs) {
        read.endPs = nowPs;
        read.coreAtEnd = scheduler.coreOf(read.thread);
        return Read.DONE;
    }
}
