package org.clocksim.kernel;

import java.util.List;
import java.util.Optional;
import org.clocksim.engine.TimeUnits;

/**
 * The rules of the simulated kernel that changed between releases (DESIGN.md principle 8,
 * KERNEL-FACTS.md §4, §7), selected by {@code kernel.version}. Each rule is one method; each change
 * is one {@link KernelChange} naming the release and the commit, listed in {@link #CHANGES} (which
 * {@code clocksim list kernels} and docs/MODEL.md's "rules by release" table show). The kernel's code
 * is GPL: these are clocksim's words for its behaviour, not a copy.
 */
public final class KernelRules {
    private static final long US = TimeUnits.PS_PER_US;
    private static final long MS = TimeUnits.PS_PER_MS;

    /** The oldest release modelled: the seed's era (2009). */
    public static final KernelVersion OLDEST = KernelVersion.parse("2.6.32");
    /**
     * Why older releases are refused: before d8bb6f4c1670 "x86: tsc prevent time going backwards" (early 2008,
     * 2.6.25) nothing clamped a TSC read below cycle_last, and a CPU slightly behind made vsyscall
     * gettimeofday jump by hours (KERNEL-FACTS.md §7); clocksim's clamp is always on.
     */
    public static final String BEFORE_OLDEST = "before 2008 (d8bb6f4c1670 \"x86: tsc prevent time going backwards\", "
            + "2.6.25) no clamp kept a TSC read below cycle_last from jumping by hours; clocksim does not model that era";
    /** The newest release modelled, and the default of {@code kernel.version}. */
    public static final KernelVersion NEWEST = KernelVersion.parse("6.18");

    static final KernelChange THRESHOLD = KernelChange.at("2.6.32", KernelRule.WATCHDOG_MARGIN,
            "62.5 ms whatever the clocksources (WATCHDOG_THRESHOLD = NSEC_PER_SEC >> 4)",
            "present since the watchdog appeared (2.6.21)", true);
    static final KernelChange UNCERTAINTY_MARGIN = KernelChange.at("5.14", KernelRule.WATCHDOG_MARGIN,
            "the sum of the two clocksources' uncertainty margins, each at least 2 x WATCHDOG_MAX_SKEW (50 us): "
                    + "200 us for tsc vs hpet or acpi_pm",
            "2e27e793e280 clocksource: Reduce clocksource-skew threshold", true);
    static final KernelChange READ_BACK = KernelChange.at("5.14", KernelRule.WATCHDOG_READ_BACK,
            "read watchdog, TSC, watchdog; a window longer than WATCHDOG_MAX_SKEW is retried, 3 times at most, "
                    + "then the TSC is marked unstable",
            "db3a34e17433 clocksource: Retry clock read if long delays detected", true);
    static final KernelChange TWO_NODES = KernelChange.at("5.16", KernelRule.WATCHDOG_EXEMPTION,
            "no watchdog for a TSC with constant_tsc, nonstop_tsc and TSC_ADJUST on at most 2 NUMA nodes",
            "b50db7095fe0 x86/tsc: Disable clocksource watchdog for TSC on qualified platorms", false);
    static final KernelChange MAX_SKEW_100 = KernelChange.at("5.17", KernelRule.WATCHDOG_MARGIN,
            "WATCHDOG_MAX_SKEW 100 us (then fc153c1c58cb: CONFIG_CLOCKSOURCE_WATCHDOG_MAX_SKEW_US, default 100): "
                    + "400 us",
            "c86ff8c55b8a clocksource: Avoid accidental unstable marking of clocksources", false)
            .backportedTo("5.15.17");
    static final KernelChange SKIP_WHEN_BUSY = KernelChange.at("5.17", KernelRule.WATCHDOG_READ_BACK,
            "a second watchdog read right after the first: if it too is slower than WATCHDOG_MAX_SKEW / 2 the "
                    + "check is skipped (\"clock-skew test skipped\")",
            "c86ff8c55b8a clocksource: Avoid accidental unstable marking of clocksources", false)
            .backportedTo("5.15.17");
    static final KernelChange MAX_SKEW_125 = KernelChange.at("6.3", KernelRule.WATCHDOG_MARGIN,
            "CONFIG_CLOCKSOURCE_WATCHDOG_MAX_SKEW_US 125 (NTP's 500 ppm of the 0.5 s interval): 500 us",
            "c37e85c135ce clocksource: Loosen clocksource watchdog constraints", true);
    static final KernelChange PAUSE_AFTER_SKIP = KernelChange.at("6.3", KernelRule.WATCHDOG_READ_BACK,
            "after a skipped check the watchdog is reset and pauses 5 minutes (HZ * 300)",
            "b7082cdfc464 clocksource: Suspend the watchdog temporarily when high read latency detected", true);
    static final KernelChange FOUR_NODES = KernelChange.at("6.6", KernelRule.WATCHDOG_EXEMPTION,
            "the exemption extended to at most 4 NUMA nodes",
            "233756a640be x86/tsc: Extend watchdog check exemption to 4-Sockets platform", false);
    static final KernelChange FOUR_PACKAGES = KernelChange.at("6.12", KernelRule.WATCHDOG_EXEMPTION,
            "at most 4 packages (topology_max_packages()) instead of nodes: the same for clocksim's machines",
            "b4bac279319d x86/tsc: Use topology_max_packages() to get package number", false);
    static final KernelChange NATIVE = KernelChange.at("2.6.32", KernelRule.VSYSCALL,
            "native: user-mode code on the page, with the vDSO's snapshot and clamp (the default); time() is "
                    + "vgettimeofday().tv_sec, so it reads the clocksource too",
            "arch/x86/kernel/vsyscall_64.c of 2.6.32 (vtime())", true);
    static final KernelChange EMULATE = KernelChange.at("3.1", KernelRule.VSYSCALL,
            "emulate (the default): calls fault and the kernel runs the syscall; \"native\" now only runs a real "
                    + "syscall from the page",
            "5cec93c216db x86-64: Emulate legacy vsyscalls; 3ae36655b97a x86-64: Rework vsyscall emulation and add "
                    + "vsyscall= parameter", false);
    static final KernelChange NATIVE_REMOVED = KernelChange.at("4.17", KernelRule.VSYSCALL,
            "vsyscall=native removed", "076ca272a14c x86/vsyscall/64: Drop \"native\" vsyscalls", false);
    static final KernelChange XONLY = KernelChange.at("5.3", KernelRule.VSYSCALL,
            "xonly (execute-only, emulated) added and made the default",
            "bd49e16e3339 x86/vsyscall: Add a new vsyscall=xonly mode; 625b7b7f79c6 x86/vsyscall: Change the default "
                    + "vsyscall mode to xonly", false);

    static final KernelChange FREQUENCY_AT_TICK = KernelChange.at("2.6.32", KernelRule.NTP_FREQUENCY,
            "at the next tick: adjtimex only changes the NTP tick length, which the tick's timekeeping_adjust() "
                    + "turns into mult", "update_wall_time() / timekeeping_adjust() of 2.6.x", true);
    static final KernelChange FREQUENCY_AT_ONCE = KernelChange.at("4.19", KernelRule.NTP_FREQUENCY,
            "at once: do_adjtimex() calls timekeeping_advance(TK_ADV_FREQ), which accumulates the whole intervals "
                    + "there are (none, usually) and steers mult with xtime_nsec -= offset x (new mult - old mult); "
                    + "the vDSO page is rewritten",
            "c2cda2a5bda9 timekeeping/ntp: Don't align NTP frequency adjustments to ticks", true);
    static final KernelChange SHORT_TICK_UPDATES = KernelChange.at("2.6.32", KernelRule.SHORT_TICK,
            "updates anyway: mult is steered and the vDSO page rewritten with nothing accumulated",
            "update_wall_time() of 2.6.32 (no early return)", true);
    static final KernelChange SHORT_TICK_RETURNS = KernelChange.at("3.6", KernelRule.SHORT_TICK,
            "returns early (\"Check if there's really nothing to do\"): no mult change, no vDSO write; since 4.19 "
                    + "only for the tick (TK_ADV_TICK), not for adjtimex",
            "bf2ac3121951 time: Avoid making adjustments if we haven't accumulated anything", false);
    static final KernelChange COARSE_FROM_XTIME = KernelChange.at("2.6.32", KernelRule.COARSE_CLOCKS,
            "xtime_nsec >> shift of the live timekeeper: from 4.19 an adjtimex frequency change that raises mult "
                    + "lowers xtime_nsec by offset x (new mult - old mult) with nothing accumulated, and CLOCK_*_COARSE "
                    + "step back by that until the next tick",
            "da15cfdae033 time: Introduce CLOCK_REALTIME_COARSE", true);
    static final KernelChange COARSE_NSEC = KernelChange.at("6.15", KernelRule.COARSE_CLOCKS,
            "coarse_nsec: xtime_nsec >> shift saved only when a tick accumulates time or the clock is set or "
                    + "forwarded (a clocksource change), never by an adjtimex frequency change",
            "b71f9804f66c timekeeping: Prevent coarse clocks going backwards", true);
    static final KernelChange HPET_IN_USER_MODE = KernelChange.at("2.6.32", KernelRule.HPET_USER_READ,
            "vread_hpet: the vDSO and the native vsyscall page read the HPET counter from a user-mapped page "
                    + "(vclock mode HPET), no syscall", "the HPET clocksource of 2.6.x (.vread = vread_hpet)", true);
    static final KernelChange HPET_BY_SYSCALL = KernelChange.at("4.7", KernelRule.HPET_USER_READ,
            "hpet is clock mode NONE: a vDSO call falls back to the syscall",
            "1ed95e52d902 x86/vdso: Remove direct HPET access through the vDSO", false).backportedTo("4.4.190");
    static final KernelChange BOOTTIME = KernelChange.at("2.6.39", KernelRule.CLOCK_IDS,
            "CLOCK_BOOTTIME: MONOTONIC plus the time spent in suspend",
            "7fdd7f89006d timers: Export CLOCK_BOOTTIME via the posix timers interface", false);
    static final KernelChange TAI = KernelChange.at("3.10", KernelRule.CLOCK_IDS,
            "CLOCK_TAI: REALTIME plus the TAI offset (adjtimex ADJ_TAI)", "1ff3c9677bff timekeeping: Add CLOCK_TAI clockid",
            false);
    static final KernelChange VDSO_REALTIME_MONOTONIC = KernelChange.at("2.6.32", KernelRule.VDSO_CLOCKS,
            "REALTIME, MONOTONIC and the two coarse clocks (the vDSO of 2.6.23 on; coarse from 2.6.32); any other "
                    + "clock id: the vDSO makes the syscall",
            "da15cfdae033 time: Introduce CLOCK_REALTIME_COARSE", true);
    static final KernelChange VDSO_TAI = KernelChange.at("4.20", KernelRule.VDSO_CLOCKS,
            "and CLOCK_TAI (VGTOD_HRES: REALTIME, MONOTONIC, TAI)",
            "x86/vdso: Add CLOCK_TAI support (Thomas Gleixner, 2018; hash not checked)", false);
    static final KernelChange VDSO_GENERIC = KernelChange.at("5.3", KernelRule.VDSO_CLOCKS,
            "and CLOCK_BOOTTIME and CLOCK_MONOTONIC_RAW (the generic vDSO's VDSO_HRES and VDSO_RAW)",
            "7ac870747988 x86/vdso: Switch to generic vDSO implementation", false);

    static final KernelChange SYNC_EVERY_CPU = KernelChange.at("2.6.32", KernelRule.SYNC_CHECK,
            "every CPU is tested against the boot CPU for 20 ms; any warp turns the TSC off (\"Measured N cycles TSC "
                    + "warp between CPUs, turning off TSC clock\") and later CPUs are not tested",
            "present since the test appeared (2.6.2x); read in a stored 3.0 tsc_sync.c", true);
    static final KernelChange SYNC_SIBLINGS_2MS = KernelChange.at("3.8", KernelRule.SYNC_CHECK,
            "2 ms instead of 20 for a CPU whose package already has an online CPU (loop_timeout())",
            "x86, tsc: Reduce the TSC sync check time for core-siblings (hash not read; absent from a stored 3.0 "
                    + "tsc_sync.c, present in 3.10's)", false);
    static final KernelChange SYNC_TSC_ADJUST = KernelChange.at("4.10", KernelRule.SYNC_CHECK,
            "with TSC_ADJUST a CPU whose package has an online CPU is not tested: its TSC_ADJUST is set to the "
                    + "package's (\"TSC ADJUST synchronize\"); the first CPU of a package is, and on a warp adds the "
                    + "observed warp to its TSC_ADJUST (\"TSC ADJUST compensate\") and runs again, 3 runs at most; "
                    + "warps seen by both CPUs in a run end it at once",
            "x86/tsc: Sync test only for the first cpu in a package; x86/tsc: Try to adjust TSC if sync test fails "
                    + "(Thomas Gleixner, 2016; hashes not read)", false);
    static final KernelChange RECHECK_ON_IDLE = KernelChange.at("4.10", KernelRule.TSC_ADJUST_RECHECK,
            "with TSC_ADJUST, a CPU entering idle, at most once a second, compares TSC_ADJUST with the value the kernel "
                    + "set and restores it (\"TSC ADJUST differs: CPUn X --> Y. Restoring\")",
            "x86/tsc: Verify TSC_ADJUST from idle (Thomas Gleixner, 2016; hash not read)", false);
    static final KernelChange RECHECK_TIMER = KernelChange.at("5.16", KernelRule.TSC_ADJUST_RECHECK,
            "also a timer every 10 minutes, on the next online CPU in turn, for CPUs that never idle",
            "c7719e793478 x86/tsc: Add a timer to make sure TSC_adjust is always checked", false);
    static final KernelChange KVM_CLOCK_400 = KernelChange.at("2.6.32", KernelRule.KVM_CLOCK_RATING,
            "kvm-clock rated 400, above tsc's 300: a KVM guest keeps time with kvm-clock",
            "present since kvmclock appeared (2.6.26)", true);
    static final KernelChange KVM_CLOCK_299 = KernelChange.at("5.0", KernelRule.KVM_CLOCK_RATING,
            "kvm-clock rated 299 when the guest's TSC has constant_tsc and nonstop_tsc: tsc (300) wins, kvm-clock "
                    + "stays the alternative",
            "7539b174aef4 x86: kvmguest: use TSC clocksource if invariant TSC is exposed", false);

    /** Every change modelled, by release. */
    public static final List<KernelChange> CHANGES = List.of(THRESHOLD, NATIVE, EMULATE, NATIVE_REMOVED, XONLY,
            UNCERTAINTY_MARGIN, READ_BACK, TWO_NODES, MAX_SKEW_100, SKIP_WHEN_BUSY, MAX_SKEW_125, PAUSE_AFTER_SKIP,
            FOUR_NODES, FOUR_PACKAGES, FREQUENCY_AT_TICK, FREQUENCY_AT_ONCE, SHORT_TICK_UPDATES, SHORT_TICK_RETURNS,
            COARSE_FROM_XTIME, COARSE_NSEC, HPET_IN_USER_MODE, HPET_BY_SYSCALL, BOOTTIME, TAI,
            VDSO_REALTIME_MONOTONIC, VDSO_TAI, VDSO_GENERIC, SYNC_EVERY_CPU, SYNC_SIBLINGS_2MS,
            SYNC_TSC_ADJUST, RECHECK_ON_IDLE, RECHECK_TIMER,
            KVM_CLOCK_400, KVM_CLOCK_299);
    /** tsc's rating (arch/x86/kernel/tsc.c clocksource_tsc). */
    public static final int TSC_RATING = 300;

    private static final long PAUSE_AFTER_SKIP_PS = 300_000 * MS;
    private static final long RECHECK_TIMER_PS = 600_000 * MS;
    private static final int READ_RETRIES = 3;

    private KernelRules() {
    }

    /** The releases at which something modelled changes, oldest first. */
    public static List<KernelVersion> releases() {
        return CHANGES.stream().map(KernelChange::release).distinct().sorted().toList();
    }

    private static boolean since(KernelVersion version, KernelChange change) {
        return change.appliesTo(version);
    }

    /**
     * WATCHDOG_MAX_SKEW: the read-back limit and the lower bound of a clocksource's uncertainty margin
     * ({@link #UNCERTAINTY_MARGIN} 50 us, {@link #MAX_SKEW_100} 100 us, {@link #MAX_SKEW_125} 125 us).
     */
    static long watchdogMaxSkewPs(KernelVersion version) {
        if (since(version, MAX_SKEW_125)) {
            return 125 * US;
        }
        return since(version, MAX_SKEW_100) ? 100 * US : 50 * US;
    }

    /**
     * The largest |TSC elapsed − watchdog elapsed| a check tolerates ({@link #THRESHOLD} before 5.14;
     * since {@link #UNCERTAINTY_MARGIN} the sum of the two clocksources' margins, each their counter
     * period bounded below by 2 × WATCHDOG_MAX_SKEW: the TSC's, the HPET's (70 ns) and the PM timer's
     * (279 ns) periods are far below it, so the sum is 4 × WATCHDOG_MAX_SKEW).
     */
    public static long watchdogMarginPs(KernelVersion version) {
        if (!since(version, UNCERTAINTY_MARGIN)) {
            return 62_500 * US;
        }
        return 2 * (2 * watchdogMaxSkewPs(version));
    }

    /** How the watchdog reads its clocks ({@link #READ_BACK}, {@link #SKIP_WHEN_BUSY}, {@link #PAUSE_AFTER_SKIP}). */
    public static WatchdogReadBack watchdogReadBack(KernelVersion version) {
        if (!since(version, READ_BACK)) {
            return WatchdogReadBack.NONE;
        }
        return new WatchdogReadBack(true, watchdogMaxSkewPs(version), READ_RETRIES, since(version, SKIP_WHEN_BUSY),
                since(version, PAUSE_AFTER_SKIP) ? PAUSE_AFTER_SKIP_PS : 0);
    }

    /** When a reliable TSC is exempt from the watchdog ({@link #TWO_NODES}, {@link #FOUR_NODES}, {@link #FOUR_PACKAGES}). */
    public static WatchdogExemption watchdogExemption(KernelVersion version) {
        if (since(version, FOUR_PACKAGES)) {
            return WatchdogExemption.UP_TO_FOUR_PACKAGES;
        }
        if (since(version, FOUR_NODES)) {
            return WatchdogExemption.UP_TO_FOUR_NODES;
        }
        return since(version, TWO_NODES) ? WatchdogExemption.UP_TO_TWO_NODES : WatchdogExemption.NONE;
    }

    /** How the timekeeper applies NTP and updates at a tick ({@link #FREQUENCY_AT_ONCE}, {@link #SHORT_TICK_RETURNS}, {@link #COARSE_NSEC}). */
    public static TimekeepingRules timekeeping(KernelVersion version) {
        return new TimekeepingRules(since(version, FREQUENCY_AT_ONCE), since(version, SHORT_TICK_RETURNS),
                since(version, COARSE_NSEC));
    }

    /** Whether user-mode code reads the HPET itself ({@link #HPET_IN_USER_MODE} until {@link #HPET_BY_SYSCALL}). */
    public static boolean hpetReadInUserMode(KernelVersion version) {
        return !since(version, HPET_BY_SYSCALL);
    }

    /** Whether the vDSO reads {@code clock} itself ({@link #VDSO_REALTIME_MONOTONIC}, {@link #VDSO_TAI}, {@link #VDSO_GENERIC}); else it makes the syscall. */
    public static boolean vdsoReads(KernelVersion version, ClockId clock) {
        return switch (clock) {
            case REALTIME, MONOTONIC, REALTIME_COARSE, MONOTONIC_COARSE -> true;
            case TAI -> since(version, VDSO_TAI);
            case BOOTTIME, MONOTONIC_RAW -> since(version, VDSO_GENERIC);
        };
    }

    /** Why no release had {@code clock} yet, if none did ({@link #BOOTTIME}, {@link #TAI}). */
    public static Optional<String> clockProblem(KernelVersion version, ClockId clock) {
        KernelChange added = switch (clock) {
            case BOOTTIME -> BOOTTIME;
            case TAI -> TAI;
            default -> null;
        };
        return added == null || since(version, added) ? Optional.empty()
                : Optional.of(clock.id() + " appeared in " + added.release() + " (" + added.commit() + ")");
    }

    /**
     * How the boot-time warp test runs ({@link #SYNC_EVERY_CPU}, {@link #SYNC_SIBLINGS_2MS}, {@link #SYNC_TSC_ADJUST}):
     * the kernel uses TSC_ADJUST from 4.10 on, when the CPU has it ({@code machine.tsc.tscAdjust}).
     */
    public static SyncCheckRule syncCheck(KernelVersion version, boolean tscAdjust) {
        return new SyncCheckRule(tscAdjust && since(version, SYNC_TSC_ADJUST), since(version, SYNC_SIBLINGS_2MS));
    }

    /** When the kernel re-checks TSC_ADJUST at run time ({@link #RECHECK_ON_IDLE}, {@link #RECHECK_TIMER}). */
    public static TscAdjustRecheck tscAdjustRecheck(KernelVersion version, boolean tscAdjust) {
        if (!tscAdjust || !since(version, RECHECK_ON_IDLE)) {
            return TscAdjustRecheck.NONE;
        }
        return new TscAdjustRecheck(true, since(version, RECHECK_TIMER) ? RECHECK_TIMER_PS : 0);
    }

    /** kvm-clock's rating on a guest whose TSC is (or is not) invariant ({@link #KVM_CLOCK_400}, {@link #KVM_CLOCK_299}). */
    public static int kvmClockRating(KernelVersion version, boolean invariantTsc) {
        return since(version, KVM_CLOCK_299) && invariantTsc ? 299 : 400;
    }

    /** The clocksource a KVM guest boots on: the better rated of tsc and kvm-clock. */
    public static ClocksourceId kvmGuestClocksource(KernelVersion version, boolean invariantTsc) {
        return kvmClockRating(version, invariantTsc) > TSC_RATING ? ClocksourceId.KVM_CLOCK : ClocksourceId.TSC;
    }

    /** The vsyscall page's default mode ({@link #NATIVE}, {@link #EMULATE}, {@link #XONLY}). */
    public static VsyscallMode defaultVsyscall(KernelVersion version) {
        if (since(version, XONLY)) {
            return VsyscallMode.XONLY;
        }
        return since(version, EMULATE) ? VsyscallMode.EMULATE : VsyscallMode.NATIVE;
    }

    /**
     * Why no release had this vsyscall mode, if none did. clocksim's native is the pre-3.1 page (user-mode
     * code reading the TSC); from 3.1 "native" ran a real syscall from the page ({@link #EMULATE}) and
     * 4.17 removed it ({@link #NATIVE_REMOVED}).
     */
    public static Optional<String> vsyscallProblem(KernelVersion version, VsyscallMode mode) {
        return switch (mode) {
            case NATIVE -> since(version, NATIVE_REMOVED)
                    ? Optional.of("no release since " + NATIVE_REMOVED.release() + " has vsyscall=native ("
                            + NATIVE_REMOVED.commit() + ")")
                    : since(version, EMULATE)
                    ? Optional.of("native means user-mode code on the page, which ended in " + EMULATE.release()
                            + " (from then to 4.16 vsyscall=native ran a real syscall: use emulate)")
                    : Optional.empty();
            case EMULATE -> since(version, EMULATE) ? Optional.empty()
                    : Optional.of("vsyscall emulation appeared in " + EMULATE.release() + " (" + EMULATE.commit() + ")");
            case XONLY -> since(version, XONLY) ? Optional.empty()
                    : Optional.of("vsyscall=xonly appeared in " + XONLY.release() + " (" + XONLY.commit() + ")");
            case NONE -> Optional.empty();
        };
    }
}
