package org.clocksim.source;

import org.clocksim.engine.Distribution;

/**
 * Default latency of each source when a config does not set one.
 *
 * <p>Medians are the measured column of KERNEL-FACTS.md §3 (rdtsc 12.6 ns, rdtscp 25.5 ns on a
 * 2-vCPU AMD EPYC guest). The spread (log-normal sigma 0.1) and the tail (one read in 10^4 takes an
 * extra exponential 1 us: an interrupt or a cache miss) are assumptions, listed in docs/MODEL.md.
 */
public final class LatencyDefaults {
    private static final double SIGMA = 0.1;
    private static final double TAIL_PROBABILITY = 1e-4;
    private static final long TAIL_MEAN_PS = 1_000_000;

    private LatencyDefaults() {
    }

    public static SourceSpec of(SourceId id) {
        long medianPs = switch (id) {
            case RDTSC -> 12_600;
            case RDTSCP -> 25_500;
        };
        return new SourceSpec(new Distribution.WithTail(
                new Distribution.LogNormal(medianPs, SIGMA), TAIL_PROBABILITY, TAIL_MEAN_PS));
    }
}
