package org.clocksim.calibrate.host;

import java.util.List;
import org.clocksim.source.SourceId;

/**
 * The workload part of a host experiment.
 *
 * @param sources   the measured sources it calls (only their latencies are written)
 * @param settings  the workload's other keys, as YAML lines indented by two spaces
 * @param scheduler the scheduler's keys as YAML lines, or null for the host's measured migrations
 */
public record HostWorkload(List<SourceId> sources, String settings, String scheduler) {
    public HostWorkload {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a workload needs a source");
        }
    }
}
