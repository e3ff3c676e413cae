package org.clocksim.source;

import java.util.Arrays;
import java.util.Optional;

/** The time sources a simulated program can call; ids are stable (configs and outputs use them). */
public enum SourceId {
    RDTSC("rdtsc"),
    RDTSCP("rdtscp"),
    VDSO_CLOCK_GETTIME("vdso-clock_gettime"),
    VDSO_GETTIMEOFDAY("vdso-gettimeofday"),
    VDSO_TIME("vdso-time"),
    VDSO_CLOCK_GETTIME_COARSE("vdso-clock_gettime-coarse"),
    VSYSCALL_GETTIMEOFDAY("vsyscall-gettimeofday"),
    VSYSCALL_TIME("vsyscall-time"),
    SYSCALL_CLOCK_GETTIME("syscall-clock_gettime"),
    SYSCALL_GETTIMEOFDAY("syscall-gettimeofday"),
    GETCPU("getcpu");

    private final String id;

    SourceId(String id) {
        this.id = id;
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
