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
            "native: user-mode code on the page, with the vDSO's snapshot and clamp (the default)",
            "the page of 2.6.x", true);
    static final KernelChange EMULATE = KernelChange.at("3.1", KernelRule.VSYSCALL,
            "emulate (the default): calls fault and the kernel runs the syscall; \"native\" now only runs a real "
                    + "syscall from the page",
            "5cec93c216db x86-64: Emulate legacy vsyscalls", false);
    static final KernelChange NATIVE_REMOVED = KernelChange.at("4.17", KernelRule.VSYSCALL,
            "vsyscall=native removed", "076ca272a14c x86/vsyscall/64: Drop \"native\" vsyscalls", false);
    static final KernelChange XONLY = KernelChange.at("5.3", KernelRule.VSYSCALL,
            "xonly (execute-only, emulated) added and made the default",
            "625b7b7f79c6 x86/vsyscall: Add a new vsyscall=xonly mode", false);
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
            FOUR_NODES, FOUR_PACKAGES, KVM_CLOCK_400, KVM_CLOCK_299);
    /** tsc's rating (arch/x86/kernel/tsc.c clocksource_tsc). */
    public static final int TSC_RATING = 300;

    private static final long PAUSE_AFTER_SKIP_PS = 300_000 * MS;
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
