package org.clocksim.run;

import java.util.List;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.KernelReport;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SkewSample;
import org.clocksim.observe.SourceResult;

/**
 * Everything a run produced: plain data for the writers.
 *
 * @param program the check program's verdict, or null when the workload runs none
 */
public record RunResults(Experiment experiment, int replication, List<SourceResult> sources,
                         List<SkewSample> skew, KernelReport kernel, List<CrossSourceStats> crossSource,
                         ProgramResult program) {
    public RunResults {
        sources = List.copyOf(sources);
        skew = List.copyOf(skew);
        crossSource = List.copyOf(crossSource);
    }
}
