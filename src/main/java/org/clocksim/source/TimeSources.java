package org.clocksim.source;

import java.util.function.Function;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStreams;
import org.clocksim.hw.Machine;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.Kernel;
import org.clocksim.kernel.Scheduler;
import org.clocksim.kernel.VsyscallMode;

/** Makes the time source a pass calls, from its id and settings. */
public final class TimeSources {
    /** A reading in microseconds, or in seconds, as nanoseconds per unit. */
    private static final long NS_PER_US = 1_000;
    private static final long NS_PER_S = 1_000_000_000;

    private TimeSources() {
    }

    /**
     * @param latencyOf the latency of any source (the ones a kernel source falls back to included)
     */
    public static TimeSource create(SourceId id, SourceSpec spec, Machine machine, Scheduler scheduler, Kernel kernel,
                                    Function<SourceId, Distribution> latencyOf, RandomStreams streams,
                                    double calibrationErrorPpm) {
        Distribution latency = spec.latency();
        VsyscallMode vsyscall = kernel.vsyscall();
        return switch (id) {
            case RDTSC, RDTSCP -> new CounterInstruction(id, machine, scheduler, latency, streams, calibrationErrorPpm);
            case GETCPU -> new GetCpu(scheduler, latency, streams);
            case VDSO_CLOCK_GETTIME -> new KernelClockSource(id, CallPath.USER, spec.clock(), 1, kernel, scheduler,
                    latency, latencyOf.apply(SourceId.SYSCALL_CLOCK_GETTIME), streams);
            case VDSO_GETTIMEOFDAY -> new KernelClockSource(id, CallPath.USER, ClockId.REALTIME, NS_PER_US, kernel, scheduler,
                    latency, latencyOf.apply(SourceId.SYSCALL_GETTIMEOFDAY), streams);
            case VDSO_TIME -> new KernelClockSource(id, CallPath.USER_NO_SEQUENCE, ClockId.REALTIME_COARSE, NS_PER_S, kernel,
                    scheduler, latency, latency, streams);
            case VDSO_CLOCK_GETTIME_COARSE -> new KernelClockSource(id, CallPath.USER, spec.clock().coarseVariant(), 1,
                    kernel, scheduler, latency, latency, streams);
            case SYSCALL_CLOCK_GETTIME -> new KernelClockSource(id, CallPath.SYSCALL, spec.clock(), 1, kernel,
                    scheduler, latency, latency, streams);
            case SYSCALL_GETTIMEOFDAY -> new KernelClockSource(id, CallPath.SYSCALL, ClockId.REALTIME, NS_PER_US, kernel,
                    scheduler, latency, latency, streams);
            case VSYSCALL_GETTIMEOFDAY -> new KernelClockSource(id, vsyscallPath(vsyscall, CallPath.USER),
                    ClockId.REALTIME, NS_PER_US, kernel, scheduler, latency, latencyOf.apply(SourceId.SYSCALL_GETTIMEOFDAY),
                    streams);
            case VSYSCALL_TIME -> vsyscall == VsyscallMode.NATIVE
                    // the native page's vtime() is vgettimeofday().tv_sec: it reads the clocksource (KernelRules.NATIVE)
                    ? new KernelClockSource(id, CallPath.USER, ClockId.REALTIME, NS_PER_S, kernel, scheduler, latency,
                            latencyOf.apply(SourceId.SYSCALL_GETTIMEOFDAY), streams)
                    : new KernelClockSource(id, vsyscallPath(vsyscall, CallPath.USER_NO_SEQUENCE),
                            ClockId.REALTIME_COARSE, NS_PER_S, kernel, scheduler, latency, latency, streams);
        };
    }

    /**
     * Native: user-mode code like the vDSO; emulate / xonly: a fault, then the syscall body; none:
     * SIGSEGV (KERNEL-FACTS.md §3, the vsyscall= boot option). An emulated time() is the time syscall:
     * the last tick's seconds.
     */
    private static CallPath vsyscallPath(VsyscallMode mode, CallPath nativePath) {
        return switch (mode) {
            case NATIVE -> nativePath;
            case EMULATE, XONLY -> CallPath.SYSCALL;
            case NONE -> CallPath.FAULT;
        };
    }
}
