package org.clocksim.source;

import org.clocksim.engine.Distribution;
import org.clocksim.kernel.VsyscallMode;

/**
 * Default call latencies, by era (docs/MODEL.md lists each number with its source). Medians:
 * <ul>
 *   <li>{@code modern-mitigated}: the measured column of KERNEL-FACTS.md §3 (2-vCPU AMD EPYC guest,
 *       Linux 6.18, mitigations on): rdtsc 12.6, rdtscp 25.5, vDSO clock_gettime 32, gettimeofday
 *       33, coarse 9.9, syscall clock_gettime 324, gettimeofday 289, emulated vsyscall
 *       gettimeofday 659, time 444 ns.</li>
 *   <li>{@code modern-bare}: the same machine without mitigations: syscalls ~80–100 ns
 *       (KERNEL-FACTS.md §3, vdsotest's 12.1 M calls/s); the vsyscall fault is an assumption.</li>
 *   <li>{@code legacy-2009}: the seed's era (2.6.32: native vsyscall page; the x86-64 vDSO, there since
 *       2.6.23, with clock_gettime and gettimeofday but no time(), which glibc took from the vsyscall page);
 *       assumptions of the order of the era's hardware (~25-cycle rdtsc at ~2.5 GHz, syscall ~200 ns). The
 *       page's time() is vgettimeofday().tv_sec (arch/x86/kernel/vsyscall_64.c of 2.6.32): as costly as
 *       gettimeofday.</li>
 * </ul>
 * Every median gets the same shape (assumptions too): log-normal with sigma 0.1, and one call in
 * 10^4 taking an extra exponential 1 us (an interrupt). Sources: see docs/MODEL.md.
 */
public enum LatencyPreset {
    MODERN_MITIGATED("modern-mitigated"),
    MODERN_BARE("modern-bare"),
    LEGACY_2009("legacy-2009");

    private static final double SIGMA = 0.1;
    private static final double TAIL_PROBABILITY = 1e-4;
    private static final long TAIL_MEAN_PS = 1_000_000;

    private final String id;

    LatencyPreset(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the era had this source (2009's vDSO had no time(): vdso-time is invalid there). */
    public boolean had(SourceId source) {
        return this != LEGACY_2009 || source != SourceId.VDSO_TIME;
    }

    /** The latency of a call to {@code source} with the vsyscall page in mode {@code vsyscall}. */
    public Distribution latency(SourceId source, VsyscallMode vsyscall) {
        double medianNs = switch (this) {
            case MODERN_MITIGATED -> mitigated(source, vsyscall);
            case MODERN_BARE -> bare(source, vsyscall);
            case LEGACY_2009 -> legacy(source, vsyscall);
        };
        return new Distribution.WithTail(new Distribution.LogNormal(Math.round(medianNs * 1000), SIGMA),
                TAIL_PROBABILITY, TAIL_MEAN_PS);
    }

    /** A SIGSEGV delivered and handled: an assumption of ~2 us. */
    private static final double FAULT_NS = 2000;

    private static double mitigated(SourceId source, VsyscallMode vsyscall) {
        return switch (source) {
            case RDTSC -> 12.6;
            case RDTSCP -> 25.5;
            case VDSO_CLOCK_GETTIME -> 32;
            case VDSO_GETTIMEOFDAY -> 33;
            case VDSO_TIME, VDSO_CLOCK_GETTIME_COARSE -> 9.9;
            case SYSCALL_CLOCK_GETTIME -> 324;
            case SYSCALL_GETTIMEOFDAY -> 289;
            case VSYSCALL_GETTIMEOFDAY -> vsyscall(vsyscall, 33, 659);
            case VSYSCALL_TIME -> vsyscall(vsyscall, 33, 444); // native time() is gettimeofday (2.6.32)
            case GETCPU -> 15;
        };
    }

    private static double bare(SourceId source, VsyscallMode vsyscall) {
        return switch (source) {
            case SYSCALL_CLOCK_GETTIME -> 90;
            case SYSCALL_GETTIMEOFDAY -> 85;
            case VSYSCALL_GETTIMEOFDAY -> vsyscall(vsyscall, 33, 85 + 200);
            case VSYSCALL_TIME -> vsyscall(vsyscall, 33, 60 + 200);
            default -> mitigated(source, vsyscall);
        };
    }

    private static double legacy(SourceId source, VsyscallMode vsyscall) {
        return switch (source) {
            case RDTSC -> 10;
            case RDTSCP -> 14;
            case SYSCALL_CLOCK_GETTIME -> 200;
            case SYSCALL_GETTIMEOFDAY -> 190;
            case VDSO_CLOCK_GETTIME, VDSO_GETTIMEOFDAY -> 45;
            case VDSO_CLOCK_GETTIME_COARSE -> 5;
            case VSYSCALL_GETTIMEOFDAY, VSYSCALL_TIME -> vsyscall(vsyscall, 45, 190 + 400);
            case GETCPU -> 10;
            default -> throw new IllegalArgumentException(source + " did not exist in " + LEGACY_2009.id);
        };
    }

    private static double vsyscall(VsyscallMode mode, double nativeNs, double emulatedNs) {
        return switch (mode) {
            case NATIVE -> nativeNs;
            case EMULATE, XONLY -> emulatedNs;
            case NONE -> FAULT_NS;
        };
    }
}
