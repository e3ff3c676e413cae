package org.clocksim.workload;

import java.util.List;

/**
 * A kernel or vdsotest check program the workload reproduces, with its pass/fail verdict in
 * summary.json (KERNEL-FACTS.md §5). Each needs the workload set up as its source program does;
 * the config reader says what is missing.
 */
public enum Program {
    NONE("none", List.of()),
    /** selftests/timers/inconsistency-check.c: windows of 64 consecutive readings never decrease. */
    INCONSISTENCY_CHECK("inconsistency-check", Figures.WINDOW_FIGURES),
    /** selftests/vDSO/vdso_test_correctness.c: a vDSO reading lies between two bracketing syscall readings. */
    VDSO_CORRECTNESS("vdso-correctness", Figures.BRACKETING_FIGURES),
    /** vdsotest verify: alternating vDSO and syscall readings never predate each other, migrating over all cores. */
    VDSOTEST_VERIFY("vdsotest-verify", Figures.BRACKETING_FIGURES),
    /** selftests/timers/skew_consistency.c: inconsistency-check while NTP flips ±500 ppm every 0.5 s. */
    SKEW_CONSISTENCY("skew-consistency", Figures.WINDOW_FIGURES),
    /** selftests/timers/raw_skew.c: MONOTONIC runs faster than MONOTONIC_RAW by the NTP frequency, within 1 ppm. */
    RAW_SKEW("raw-skew", List.of(Figures.MEASURED_PPM, Figures.NTP_PPM));

    /** The verdict every program reports, besides its own figures. */
    public static final String VERDICT = "verdict";

    private final String id;
    private final List<String> figures;

    Program(String id, List<String> figures) {
        this.id = id;
        this.figures = figures;
    }

    /** The names of the figures it reports besides its verdict (summary.json's program section). */
    public List<String> figures() {
        return figures;
    }

    public String id() {
        return id;
    }

    /** The figures' names, as summary.json's program section and {@code expect: program} spell them. */
    public static final class Figures {
        public static final String WINDOWS = "windows";
        public static final String FAILING_WINDOWS = "failingWindows";
        public static final String COMPARISONS = "comparisons";
        public static final String VIOLATIONS = "violations";
        public static final String MEASURED_PPM = "measuredPpm";
        public static final String NTP_PPM = "ntpPpm";
        static final List<String> WINDOW_FIGURES = List.of(WINDOWS, FAILING_WINDOWS);
        static final List<String> BRACKETING_FIGURES = List.of(COMPARISONS, VIOLATIONS);

        private Figures() {
        }
    }
}
