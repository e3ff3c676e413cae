package org.clocksim.observe;

/**
 * One read in a thread's trace window.
 *
 * @param timePs    true time of the counter sample
 * @param readingNs the reading converted to ns
 * @param errorNs   reading minus true time
 * @param migrated  the thread moved since its previous read
 * @param backward  this read went backwards (against the thread's previous read, or across threads)
 * @param handedBackNs how far this read was behind the reading another thread handed over under the lock
 *                     (0 when it was not behind)
 * @param handedBy  the thread that handed that reading over (-1 when not behind)
 */
public record TracedRead(long timePs, double readingNs, double errorNs, int core, boolean migrated,
                         boolean backward, double handedBackNs, int handedBy) {
}
