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
    INCONSISTENCY_CHECK("inconsistency-check", Metrics.WINDOWS),
    /** selftests/vDSO/vdso_test_correctness.c: a vDSO reading lies between two bracketing syscall readings. */
    VDSO_CORRECTNESS("vdso-correctness", Metrics.BRACKETING),
    /** vdsotest verify: alternating vDSO and syscall readings never predate each other, migrating over all cores. */
    VDSOTEST_VERIFY("vdsotest-verify", Metrics.BRACKETING),
    /** selftests/timers/skew_consistency.c: inconsistency-check while NTP flips ±500 ppm every 0.5 s. */
    SKEW_CONSISTENCY("skew-consistency", Metrics.WINDOWS),
    /** selftests/timers/raw_skew.c: MONOTONIC runs faster than MONOTONIC_RAW by the NTP frequency, within 1 ppm. */
    RAW_SKEW("raw-skew", List.of("measuredPpm", "ntpPpm"));

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

    private static final class Metrics {
        static final List<String> WINDOWS = List.of("windows", "failingWindows");
        static final List<String> BRACKETING = List.of("comparisons", "violations");
    }
}
