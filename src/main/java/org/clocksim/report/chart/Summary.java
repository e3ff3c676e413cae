package org.clocksim.report.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clocksim.kernel.SyncCheckVerdict;
import org.clocksim.kernel.WatchdogVerdict;

/**
 * summary.json as read back: the tree itself (report.md prints its numbers as written) and the
 * few typed views the charts need. Kernel fields that issue 3 adds (watchdog checks, sync-check
 * cpus) are read when present and ignored when absent.
 */
record Summary(JsonNode json) {
    String experiment() {
        return json.path("experiment").asText("?");
    }

    String description() {
        return json.path("description").asText("");
    }

    /** Source ids in the order the run wrote them. */
    List<String> sourceIds() {
        List<String> ids = new ArrayList<>();
        json.path("sources").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    long reads() {
        long total = 0;
        for (JsonNode source : json.path("sources")) {
            total += source.path("reads").asLong();
        }
        return total;
    }

    /** The thread with the most backward events over all sources; the lowest such id on a tie; 0 if none. */
    int threadWithMostBackwardEvents() {
        Map<Integer, Long> counts = new TreeMap<>();
        for (JsonNode source : json.path("sources")) {
            for (JsonNode thread : source.path("threads")) {
                counts.merge(thread.path("thread").asInt(), thread.path("backwardEvents").asLong(), Long::sum);
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
        JsonNode kernel = json.path("kernel");
        for (JsonNode s : kernel.path("switches")) {
            events.add(new KernelEvent(KernelEvent.Type.SWITCH, s.path("timeNs").asDouble(), -1,
                    s.path("from").asText() + " → " + s.path("to").asText(), s.path("reason").asText(), true));
        }
        for (JsonNode c : kernel.path("watchdog").path("checks")) {
            String verdict = c.path("verdict").asText();
            events.add(new KernelEvent(KernelEvent.Type.WATCHDOG, c.path("timeNs").asDouble(), c.path("cpu").asInt(-1),
                    "watchdog", verdict, verdict.equals(WatchdogVerdict.UNSTABLE.id())));
        }
        for (JsonNode c : kernel.path("syncCheck").path("cpus")) {
            long compensation = c.path("compensationCycles").asLong();
            if (compensation != 0 || !c.path("verdict").asText(SyncCheckVerdict.OK.id()).equals(SyncCheckVerdict.OK.id())) {
                events.add(new KernelEvent(KernelEvent.Type.SYNC_CHECK, 0, c.path("cpu").asInt(-1),
                        "sync check", c.path("verdict").asText() + ", compensation " + compensation + " cycles",
                        true));
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
