package org.clocksim.kernel;

import java.util.function.LongSupplier;
import org.clocksim.engine.RandomStream;

/**
 * The watchdog's reads of its platform timer, one after another, as {@link WatchdogReadBack} sees
 * them: each value is the time from the previous read's sample of the counter to this read's, that
 * is the previous read's late return ({@link Clocksource#returnDelay()}) plus this read's latency.
 * Reads are counted over the watchdog's own reads, the only reads of the timer while the TSC is the
 * clocksource (before 5.14 the watchdog's single read is not judged and is not counted).
 */
final class WatchdogReads implements LongSupplier {
    private final Clocksource timer;
    private final RandomStream random;
    private long reads;
    private long pendingReturnPs;

    WatchdogReads(Clocksource timer, RandomStream random) {
        this.timer = timer;
        this.random = random;
    }

    @Override
    public long getAsLong() {
        long gap = pendingReturnPs + timer.readLatency().sample(random);
        reads++;
        pendingReturnPs = timer.returnDelay().afterReadPs(reads);
        return gap;
    }
}
