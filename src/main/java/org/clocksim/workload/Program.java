package org.clocksim.workload;

/**
 * A kernel or vdsotest check program the workload reproduces, with its pass/fail verdict in
 * summary.json (KERNEL-FACTS.md §5). Each needs the workload set up as its source program does;
 * the config reader says what is missing.
 */
public enum Program {
    NONE("none"),
    /** selftests/timers/inconsistency-check.c: windows of 64 consecutive readings never decrease. */
    INCONSISTENCY_CHECK("inconsistency-check"),
    /** selftests/vDSO/vdso_test_correctness.c: a vDSO reading lies between two bracketing syscall readings. */
    VDSO_CORRECTNESS("vdso-correctness"),
    /** vdsotest verify: alternating vDSO and syscall readings never predate each other, migrating over all cores. */
    VDSOTEST_VERIFY("vdsotest-verify"),
    /** selftests/timers/skew_consistency.c: inconsistency-check while NTP flips ±500 ppm every 0.5 s. */
    SKEW_CONSISTENCY("skew-consistency"),
    /** selftests/timers/raw_skew.c: MONOTONIC runs faster than MONOTONIC_RAW by the NTP frequency, within 1 ppm. */
    RAW_SKEW("raw-skew");

    private final String id;

    Program(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
