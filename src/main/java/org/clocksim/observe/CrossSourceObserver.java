package org.clocksim.observe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clocksim.source.Read;
import org.clocksim.source.TimeSource;
import org.clocksim.engine.TimeUnits;

/**
 * vdsotest's {@code verify} (KERNEL-FACTS.md §5): a thread alternates between sources; each reading
 * must not predate the previous reading from another source on the same time line. Readings are
 * compared at the coarser of the two resolutions (a gettimeofday reading in us against a
 * clock_gettime one in ns). A tick-based reading (time(), a coarse clock) may lag a fine one by up to
 * a tick: that is the expected behaviour of time() (KERNEL-FACTS.md §2), not a violation.
 */
public final class CrossSourceObserver {
    private final List<TimeSource> sources;
    private final double tickNs;
    private final int[] lastSource;
    private final double[] lastNs;
    private final long[][] comparisons;
    private final long[][] violations;
    private final double[][] maxNs;

    public CrossSourceObserver(List<TimeSource> sources, int threads, long tickPs) {
        int n = sources.size();
        this.sources = List.copyOf(sources);
        this.tickNs = TimeUnits.ns(tickPs);
        this.lastSource = new int[threads];
        this.lastNs = new double[threads];
        this.comparisons = new long[n][n];
        this.violations = new long[n][n];
        this.maxNs = new double[n][n];
        Arrays.fill(lastSource, -1);
    }

    public void onRead(int source, Read read) {
        TimeSource current = sources.get(source);
        if (read.failed() || !current.readsTime()) {
            return;
        }
        int t = read.thread();
        double ns = current.sinceEpochNs(read.value());
        int previous = lastSource[t];
        if (previous >= 0 && previous != source && sources.get(previous).timeline() == current.timeline()) {
            compare(previous, source, lastNs[t], ns);
        }
        lastSource[t] = source;
        lastNs[t] = ns;
    }

    private void compare(int from, int to, double fromNs, double toNs) {
        double unit = Math.max(sources.get(from).nsPerUnit(), sources.get(to).nsPerUnit());
        double allowed = sources.get(to).tickBased() ? tickNs : 0;
        comparisons[from][to]++;
        if (Math.floor(toNs / unit) < Math.floor((fromNs - allowed) / unit)) {
            violations[from][to]++;
            maxNs[from][to] = Math.max(maxNs[from][to], fromNs - toNs);
        }
    }

    /** Every ordered pair of sources that was compared. */
    public List<CrossSourceStats> result() {
        List<CrossSourceStats> stats = new ArrayList<>();
        for (int from = 0; from < sources.size(); from++) {
            for (int to = 0; to < sources.size(); to++) {
                if (comparisons[from][to] > 0) {
                    stats.add(new CrossSourceStats(sources.get(from).id(), sources.get(to).id(),
                            comparisons[from][to], violations[from][to], maxNs[from][to]));
                }
            }
        }
        return stats;
    }
}
