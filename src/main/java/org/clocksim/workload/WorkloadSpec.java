package org.clocksim.workload;

import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.source.SourceId;
import org.clocksim.engine.Require;

/**
 * What the program does.
 *
 * @param threads            number of threads
 * @param pattern            independent loops or lock hand-off
 * @param handoffLatency     cache-line transfer time from a lock release to the next acquisition
 * @param handoffOrder       which thread takes the lock next
 * @param thinkTime          time a thread spends between two reads (outside the lock)
 * @param sources            the time sources, each run as its own pass
 * @param calibrationErrorPpm error of the frequency the program uses to turn cycles into ns
 * @param mode               one pass per source, or one pass alternating between them
 * @param program            the check program whose verdict the run reports
 */
public record WorkloadSpec(int threads, Pattern pattern, Distribution handoffLatency,
                           HandoffOrder handoffOrder, Distribution thinkTime, List<SourceId> sources,
                           double calibrationErrorPpm, WorkloadMode mode, Program program) {
    public WorkloadSpec {
        Require.positive(threads, "threads");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a workload needs at least one source");
        }
        sources = List.copyOf(sources);
    }
}
