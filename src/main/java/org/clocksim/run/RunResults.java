package org.clocksim.run;

import java.util.List;
import org.clocksim.kernel.KernelReport;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SkewSample;
import org.clocksim.observe.SourceResult;

/** Everything a run produced: plain data for the writers. */
public record RunResults(Experiment experiment, int replication, List<SourceResult> sources,
                         List<SkewSample> skew, KernelReport kernel, List<CrossSourceStats> crossSource) {
    public RunResults {
        sources = List.copyOf(sources);
        skew = List.copyOf(skew);
        crossSource = List.copyOf(crossSource);
    }

    public boolean hasCrossThread() {
        return sources.stream().anyMatch(s -> s.crossThread() != null);
    }
}
