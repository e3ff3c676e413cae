package org.clocksim.run;

import java.util.SortedMap;
import java.util.TreeMap;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/**
 * A validated, fully resolved experiment: the only thing the simulation sees.
 *
 * @param sources settings of every source in {@code workload.sources()}, defaults filled in
 */
public record Experiment(String name, String description, long seed, long durationPs,
                         MachineSpec machine, SchedulerSpec scheduler, WorkloadSpec workload,
                         SortedMap<SourceId, SourceSpec> sources, OutputSpec output) {
    public Experiment {
        sources = new TreeMap<>(sources);
    }

    public SourceSpec source(SourceId id) {
        SourceSpec spec = sources.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("no settings for source " + id);
        }
        return spec;
    }

    public Experiment withSeed(long newSeed) {
        return new Experiment(name, description, newSeed, durationPs, machine, scheduler, workload,
                sources, output);
    }
}
