package org.clocksim.observe;

/** One thread's reads of one source. */
public record ThreadStats(int thread, long reads, int migrations, long backwardEvents, double maxBackwardNs) {
}
