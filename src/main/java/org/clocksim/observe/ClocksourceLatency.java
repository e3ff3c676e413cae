package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Call latency kept apart for each clocksource the kernel used (the reads made after 0, 1, 2 ...
 * switches), to show a fallback's cost; the total is their sum. Recording touches one histogram.
 */
final class ClocksourceLatency {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final List<BufferedHistogram> epochs = new ArrayList<>(List.of(new BufferedHistogram()));
    private BufferedHistogram current = epochs.get(0);
    private int currentSwitches;

    void record(int switches, long latencyPs) {
        record(switches, latencyPs, 1);
    }

    /** {@code count} reads of the same latency made after {@code switches} switches. */
    void record(int switches, long latencyPs, long count) {
        if (switches != currentSwitches) {
            while (epochs.size() <= switches) {
                epochs.add(new BufferedHistogram());
            }
            current = epochs.get(switches);
            currentSwitches = switches;
        }
        current.record(latencyPs, count);
    }

    List<Histogram> byClocksource() {
        return epochs.stream().map(BufferedHistogram::histogram).toList();
    }

    Histogram total() {
        Histogram total = new Histogram(SIGNIFICANT_DIGITS);
        epochs.forEach(epoch -> total.add(epoch.histogram()));
        return total;
    }
}
