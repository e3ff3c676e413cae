package org.clocksim.source;

import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.kernel.Kernel;

/**
 * What a plain tick's write of the data page does to a thread reading through the syscall on a platform timer,
 * whose reads it changes in nothing else (docs/PERFORMANCE.md, "Plain ticks"): the call's steps as
 * {@link KernelClockSource} takes them (the vDSO's quarter before a fallback, the syscall's way in, the
 * clocksource's read in two halves under the sequence, the way out), drawn, and where the write falls among
 * them. A write that begins while the sequence is read makes the call wait for its end; one that begins between
 * the sequence's read and its check makes it retry (one more clocksource read).
 *
 * <p>Holds the steps of the call last drawn: one pass's threads run one at a time.
 */
public final class TickCrossing {
    private final Kernel kernel;
    /**
     * The steady call's parts ({@link KernelClockSource#steadyCall}): the syscall, the clocksource's read and, for
     * the vDSO falling back, the quarter of its latency spent before the fallback.
     */
    private final Distribution.Sum call;
    private final boolean fallsBack;
    private final long[] drawn;

    private long userQuarterPs;
    private long entryPs;
    private long counterHalfPs;
    private long exitPs;
    private boolean retried;

    TickCrossing(Kernel kernel, Distribution.Sum call) {
        this.kernel = kernel;
        this.call = call;
        this.drawn = new long[call.parts().size()];
        this.fallsBack = drawn.length > 2;
    }

    /** The data page's writes begun so far. */
    public int writes() {
        return kernel.dataPageWrites();
    }

    /** When the {@code write}-th write began (one of the last few dozen). */
    public long writeBeganPs(int write) {
        return kernel.writeBeganPs(write);
    }

    /** How long a write lasts. */
    public long publishPs() {
        return kernel.publishTimePs();
    }

    /**
     * Draws the steps of the call a point in time falls in: size-biased by its duration ({@link
     * Distribution.Sum#sizeBiasedSample}). Returns its duration.
     */
    public long drawStraddling(RandomStream random) {
        return draw(random, true);
    }

    /** Draws the steps of a call as it comes. Returns its duration. */
    public long draw(RandomStream random) {
        return draw(random, false);
    }

    private long draw(RandomStream random, boolean sizeBiased) {
        call.sampleParts(random, sizeBiased, drawn);
        long syscallPs = drawn[0];
        userQuarterPs = fallsBack ? drawn[2] : 0;
        entryPs = syscallPs / 2;
        counterHalfPs = drawn[1] / 2;
        exitPs = syscallPs - syscallPs / 2;
        retried = false;
        return durationPs();
    }

    private long durationPs() {
        return userQuarterPs + entryPs + 2 * counterHalfPs + exitPs;
    }

    /**
     * How much later the drawn call ends when a write of {@code publishPs} begins {@code writePs} after the call
     * began (negative: before it; the call's first look at the sequence is then in or after the write), and
     * whether it retried ({@link #retried}).
     */
    public long delayPs(long writePs, long publishPs) {
        long writeEndsPs = writePs + publishPs;
        long t = userQuarterPs;
        if (fallsBack && t >= writePs && t < writeEndsPs) { // the vDSO sees the sequence odd: it waits
            t = writeEndsPs;
        }
        t += entryPs;
        if (t >= writePs && t < writeEndsPs) { // the syscall sees it odd
            t = writeEndsPs;
        }
        long begunPs = t;
        t += 2 * counterHalfPs;
        if (writePs > begunPs && writePs <= t) { // begun between the read and the check: read again
            retried = true;
            t = Math.max(t, writeEndsPs) + 2 * counterHalfPs;
        }
        return t + exitPs - durationPs();
    }

    /** Whether the drawn call retried in the last {@link #delayPs}. */
    public boolean retried() {
        return retried;
    }
}
