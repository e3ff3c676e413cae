package org.clocksim.kernel;

import org.clocksim.engine.Distribution;
import org.clocksim.hw.ReturnDelay;

/**
 * A counter the kernel can keep time with (kernel/time/clocksource.c): its name, rating, width
 * (mask), frequency and whether the vDSO can read it from user space. Only the TSC can
 * (vclock mode TSC); with any other the vDSO data page says clock mode NONE and every vDSO call
 * falls back to the syscall (KERNEL-FACTS.md §3, §4).
 */
public interface Clocksource {
    ClocksourceId name();

    /** The counter's width: values and deltas are taken modulo mask + 1. */
    long mask();

    long frequencyHz();

    boolean vdsoCapable();

    /** The counter as read on {@code cpu} at true time {@code timePs}. */
    long read(int cpu, long timePs);

    /** The counter as the vDSO reads it in user mode on {@code cpu} (the kernel's read, but for kvm-clock). */
    default long readUser(int cpu, long timePs) {
        return read(cpu, timePs);
    }

    /**
     * Whether a read returns the same, and costs the same, on every CPU at a given time (a platform timer: one
     * device for the machine); a per-CPU counter (the TSC, kvm-clock) does not.
     */
    default boolean sameOnEveryCpu() {
        return false;
    }

    /**
     * How far the counter's last step on {@code cpu} lies behind true time {@code timePs}, in ps, for a counter that
     * steps coarsely (a platform timer: the HPET every 70 ns); 0 for one whose steps are below a nanosecond.
     */
    default double lagPs(int cpu, long timePs) {
        return 0;
    }

    /** The step whose lag {@link #lagPs} gives, in ps (the lag is uniform below it over a mixed phase), else 0. */
    default double stepPs(int cpu) {
        return 0;
    }

    /** Extra time a kernel read on {@code cpu} takes now, beyond {@link #readLatency()} (shared cache lines). */
    default long readCostPs(int cpu) {
        return 0;
    }

    /** How fast the counter on {@code cpu} counts now, in cycles per picosecond of true time. */
    double cyclesPerPs(int cpu);

    /** Extra time one read of the counter takes, beyond the call that reads it. */
    Distribution readLatency();

    /** Which of the watchdog's reads return late after sampling the counter (an emulated timer's, {@link WatchdogReads}). */
    default ReturnDelay returnDelay() {
        return ReturnDelay.NONE;
    }

    /**
     * clocksource_delta() (kernel/time/timekeeping_internal.h): cycles from {@code last} to
     * {@code now} modulo the counter's width; a delta in the upper half of the range is negative
     * and counts as 0 (KERNEL-FACTS.md §2: the negative-delta clamp).
     */
    static long delta(long now, long last, long mask) {
        long delta = (now - last) & mask;
        return (delta & ~(mask >>> 1)) != 0 ? 0 : delta;
    }

    /** The same delta, a negative one (in the upper half of the range) kept, sign-extended from the counter's width. */
    static long signedDelta(long now, long last, long mask) {
        long delta = (now - last) & mask;
        return (delta & ~(mask >>> 1)) != 0 ? delta | ~mask : delta;
    }
}
