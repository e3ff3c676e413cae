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
    private final Distribution syscall;
    private final Distribution counter;
    /** The vDSO's latency before a fallback to the syscall, or null for the syscall itself. */
    private final Distribution user;
    private final double syscallMean;
    private final double counterMean;
    private final double meanPs;

    private long userQuarterPs;
    private long entryPs;
    private long counterHalfPs;
    private long exitPs;
    private boolean retried;

    TickCrossing(Kernel kernel, Distribution syscall, Distribution counter, Distribution user) {
        this.kernel = kernel;
        this.syscall = syscall;
        this.counter = counter;
        this.user = user;
        this.syscallMean = syscall.expectedValue();
        this.counterMean = counter.expectedValue();
        this.meanPs = syscallMean + counterMean + (user == null ? 0 : user.expectedValue() / 4);
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
     * Draws the steps of the call a point in time falls in: size-biased by its duration (one step, chosen with its
     * share of the mean, size-biased, the others as they are). Returns its duration.
     */
    public long drawStraddling(RandomStream random) {
        double pick = random.nextDouble() * meanPs;
        int biased = pick < syscallMean ? 0 : pick < syscallMean + counterMean ? 1 : 2;
        return steps(biased == 0 ? syscall.sizeBiasedSample(random) : syscall.sample(random),
                biased == 1 ? counter.sizeBiasedSample(random) : counter.sample(random),
                user == null ? 0 : biased == 2 ? user.sizeBiasedSample(random) : user.sample(random));
    }

    /** Draws the steps of a call as it comes. Returns its duration. */
    public long draw(RandomStream random) {
        return steps(syscall.sample(random), counter.sample(random), user == null ? 0 : user.sample(random));
    }

    private long steps(long syscallPs, long counterPs, long userPs) {
        userQuarterPs = userPs / 4;
        entryPs = syscallPs / 2;
        counterHalfPs = counterPs / 2;
        exitPs = syscallPs - syscallPs / 2;
        retried = false;
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
        if (user != null && t >= writePs && t < writeEndsPs) { // the vDSO sees the sequence odd: it waits
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
        return t + exitPs - (userQuarterPs + entryPs + 2 * counterHalfPs + exitPs);
    }

    /** Whether the drawn call retried in the last {@link #delayPs}. */
    public boolean retried() {
        return retried;
    }
}
