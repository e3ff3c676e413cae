package org.clocksim.kernel;

import java.util.function.LongSupplier;

/**
 * How the watchdog reads its two clocks (kernel/time/clocksource.c cs_watchdog_read(), a rule of
 * {@link KernelRules}). Since 5.14 it reads the watchdog, the TSC and the watchdog again; a
 * watchdog-to-watchdog window longer than {@code maxSkew} is not trusted and the read is retried,
 * up to {@code retries} times, after which the TSC is marked unstable ("read-back delay ..., marking
 * unstable"). Since 5.17 a fourth read follows: if two back-to-back watchdog reads are also further
 * apart than half of {@code maxSkew}, the system is just busy and the check is skipped ("clock-skew
 * test skipped"); since 6.3 the watchdog then pauses for {@code pauseAfterSkip}.
 *
 * @param enabled          false before 5.14: one read of each clock, every check compares
 * @param maxSkewPs        WATCHDOG_MAX_SKEW
 * @param retries          max_cswd_read_retries (attempts = retries + 1)
 * @param skipWhenBusy     whether the back-to-back watchdog read can skip the check
 * @param pauseAfterSkipPs how long the watchdog pauses after a skip; 0: it goes on at the next interval
 */
public record WatchdogReadBack(boolean enabled, long maxSkewPs, int retries, boolean skipWhenBusy,
                               long pauseAfterSkipPs) {
    static final WatchdogReadBack NONE = new WatchdogReadBack(false, 0, 0, false, 0);

    /** What a read concluded. */
    public enum Outcome { SUCCESS, SKIP, UNSTABLE }

    /**
     * @param outcome  what the read concluded
     * @param windowPs the last wd-TSC-wd window seen (0 without read-back)
     * @param attempts how many attempts it took
     */
    public record Result(Outcome outcome, long windowPs, int attempts) {
    }

    /**
     * Reads wd, TSC, wd (and, when the release has it, wd again) until the wd-TSC-wd window is within
     * {@code maxSkew}. Each watchdog read takes the next of {@code readLatencyPs}; the window is the
     * second read's latency (the TSC read takes a few ns), the back-to-back gap the third's. Without
     * read-back there is one read of each and no judgement.
     */
    public Result read(LongSupplier readLatencyPs) {
        if (!enabled) {
            return new Result(Outcome.SUCCESS, 0, 1);
        }
        long window = 0;
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            readLatencyPs.getAsLong();
            window = readLatencyPs.getAsLong();
            long backToBack = skipWhenBusy ? readLatencyPs.getAsLong() : 0;
            if (window <= maxSkewPs) {
                return new Result(Outcome.SUCCESS, window, attempt);
            }
            if (skipWhenBusy && backToBack > maxSkewPs / 2) {
                return new Result(Outcome.SKIP, window, attempt);
            }
        }
        return new Result(Outcome.UNSTABLE, window, retries + 1);
    }
}
