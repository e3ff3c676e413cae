package org.clocksim.source;

import java.util.Arrays;
import java.util.Optional;

/** The time sources a simulated program can call; ids are stable (configs and outputs use them). */
public enum SourceId {
    RDTSC("rdtsc", "the counter of the current core, one instruction"),
    RDTSCP("rdtscp", "the same, ordered, with the cpu id (TSC_AUX)"),
    VDSO_CLOCK_GETTIME("vdso-clock_gettime", "user-mode clock_gettime on the vDSO data page (clock chosen)"),
    VDSO_GETTIMEOFDAY("vdso-gettimeofday", "user-mode gettimeofday, microseconds"),
    VDSO_TIME("vdso-time", "user-mode time(): the last tick's seconds, no seqcount"),
    VDSO_CLOCK_GETTIME_COARSE("vdso-clock_gettime-coarse", "CLOCK_*_COARSE: the last tick's base, no counter read"),
    VSYSCALL_GETTIMEOFDAY("vsyscall-gettimeofday", "legacy page 0xffffffffff600000: native, emulated or faulting"),
    VSYSCALL_TIME("vsyscall-time", "legacy page +0x400: time()"),
    SYSCALL_CLOCK_GETTIME("syscall-clock_gettime", "the real system call (clock selectable)"),
    SYSCALL_GETTIMEOFDAY("syscall-gettimeofday", "the real system call, microseconds"),
    GETCPU("getcpu", "the cpu the thread is on (not a clock; reports stale answers)");

    private final String id;
    private final String description;

    SourceId(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String id() {
        return id;
    }

    /** Sources whose clock id a config may choose (the others have a fixed clock). */
    public boolean clockSelectable() {
        return this == VDSO_CLOCK_GETTIME || this == VDSO_CLOCK_GETTIME_COARSE || this == SYSCALL_CLOCK_GETTIME;
    }

    /** Sources that are vDSO code (not available before the vDSO existed). */
    public boolean vdso() {
        return id.startsWith("vdso-");
    }

    public static Optional<SourceId> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
