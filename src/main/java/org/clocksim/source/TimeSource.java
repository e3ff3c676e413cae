package org.clocksim.source;

/**
 * A way for a program to ask for the time. A call is split into steps at true times; the workload
 * runs each step when the simulation reaches its time, so every step sees the machine (and the
 * thread's core) as it is at that moment, and a migration can land between two steps.
 */
public interface TimeSource {
    SourceId id();

    /** Conversion of a reading to nanoseconds (for magnitudes and errors, never for ordering). */
    double nsPerUnit();

    /** A reading as ns since the source's epoch (boot, or the wall clock's), to compare with true time. */
    double sinceEpochNs(long value);

    /** False for a source that returns something other than the time (getcpu). */
    default boolean readsTime() {
        return true;
    }

    /** The time line the readings lie on: sources on the same one can be compared with each other. */
    Timeline timeline();

    /** Whether the reading is the last tick's (coarse clocks, time()): it may lag a fine one by a tick. */
    default boolean tickBased() {
        return false;
    }

    /**
     * What the thread's next calls take if nothing disturbs them, given its last completed call; null
     * when they are not {@link SteadyCall steady} (that call retried, fell back or faulted, or the
     * source's reading is coarser than a nanosecond, so its error is not affine between events).
     */
    default SteadyCall steadyCall(Read last) {
        return null;
    }

    /**
     * Until when every call, whatever its state, returns and takes the same on every core (at least), so that
     * a migration changes nothing but when the thread's steps run: fast mode then need not stop the thread's
     * stretch at it ({@link org.clocksim.kernel.ThreadCatchUp#coreBlindUntilPs}). {@link Long#MIN_VALUE}
     * when it does not.
     */
    default long coreBlindUntilPs() {
        return Long.MIN_VALUE;
    }

    /**
     * What a plain tick (one that only writes the data page) does to this source's calls, when its reads are
     * otherwise the same across it, so that fast mode need not stop a thread's stretch at it; null when they are not.
     */
    default TickCrossing tickCrossing() {
        return null;
    }

    /**
     * The thread's next calls as exact mode may run them whole ({@link WholeCall}), given its last completed call;
     * null when they must run step by step.
     */
    default WholeCall wholeCall(Read last) {
        return null;
    }

    /** A fresh read state for one thread, with that thread's own latency stream. */
    Read open(int thread);

    /** Starts a call at {@code startPs}; returns the time of its first step. */
    long begin(Read read, long startPs);

    /** Runs the step due at {@code nowPs}; returns the time of the next step or {@link Read#DONE}. */
    long step(Read read, long nowPs);
}
