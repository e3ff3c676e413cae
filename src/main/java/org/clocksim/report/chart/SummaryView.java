package org.clocksim.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clocksim.kernel.SyncCheckVerdict;
import org.clocksim.kernel.WatchdogVerdict;
import org.clocksim.results.KernelSummary;
import org.clocksim.results.SourceSummary;
import org.clocksim.results.Summary;
import org.clocksim.results.ThreadSummary;

/** A run's summary as the charts and report.md use it: the records, and the few views they draw from. */
record SummaryView(Summary summary) {
    String experiment() {
        return summary.experiment();
    }

    String description() {
        return summary.description() == null ? "" : summary.description();
    }

    /** Source ids in the order the run wrote them. */
    List<String> sourceIds() {
        return List.copyOf(summary.sources().keySet());
    }

    long reads() {
        return summary.totalReads();
    }

    /** The thread with the most backward events over all sources; the lowest such id on a tie; 0 if none. */
    int threadWithMostBackwardEvents() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (SourceSummary source : summary.sources().values()) {
            for (ThreadSummary thread : source.threads()) {
                counts.merge(thread.thread(), thread.backwardEvents(), Long::sum);
            }
        }
        int best = 0;
        long most = -1;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    /** What the kernel did that has a time: clocksource switches, watchdog checks, sync-check compensations. */
    List<KernelEvent> kernelEvents() {
        List<KernelEvent> events = new ArrayList<>();
        KernelSummary kernel = summary.kernel();
        for (KernelSummary.Switch s : kernel.switches()) {
            events.add(new KernelEvent(KernelEvent.Type.SWITCH, s.timeNs().doubleValue(), -1,
                    s.from() + " → " + s.to(), s.reason(), true));
        }
        for (KernelSummary.WatchdogCheck c : kernel.watchdog().checks()) {
            events.add(new KernelEvent(KernelEvent.Type.WATCHDOG, c.timeNs().doubleValue(), c.cpu(), "watchdog",
                    c.verdict(), c.verdict().equals(WatchdogVerdict.UNSTABLE.id())));
        }
        for (KernelSummary.SyncCheckCpu c : kernel.syncCheck().cpus()) {
            // a CPU whose TSC_ADJUST was written, or the one whose warp turned the TSC off
            if (c.compensationCycles() != 0 || c.verdict().equals(SyncCheckVerdict.UNSTABLE.id())) {
                events.add(new KernelEvent(KernelEvent.Type.SYNC_CHECK, 0, c.cpu(), "sync check",
                        c.verdict() + ", compensation " + c.compensationCycles() + " cycles", true));
            }
        }
        return events;
    }

    /**
     * A kernel event with a time.
     *
     * @param cpu     the cpu it concerns, -1 when none
     * @param notable a switch, an unstable watchdog verdict, a compensation: drawn prominently
     */
    record KernelEvent(Type type, double timeNs, int cpu, String what, String detail, boolean notable) {
        enum Type { SWITCH, WATCHDOG, SYNC_CHECK }
    }
}
