package org.clocksim.experiment;

import java.util.SortedMap;
import java.util.TreeMap;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.SimulationMode;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;
import java.util.Collections;
import org.clocksim.engine.Require;

/**
 * A validated, fully resolved experiment: the only thing the simulation sees.
 *
 * @param latency the era whose call latencies are the defaults
 * @param sources settings of every source in {@code workload.sources()}, defaults filled in
 * @param simulation every read simulated, or the quiet stretches between events aggregated
 */
public record Experiment(String name, String description, long seed, long durationPs, LatencyPreset latency,
                         MachineSpec machine, KernelSpec kernel, SchedulerSpec scheduler, WorkloadSpec workload,
                         SortedMap<SourceId, SourceSpec> sources, OutputSpec output,
                         SimulationMode simulation) {
    public Experiment {
        Require.positive(durationPs, "durationPs");
        sources = Collections.unmodifiableSortedMap(new TreeMap<>(sources));
    }

    public SourceSpec source(SourceId id) {
        SourceSpec spec = sources.get(id);
        if (spec == null) {
            throw new IllegalArgumentException("no settings for source " + id);
        }
        return spec;
    }

    /** The latency of any source: its settings if it is in the workload, else the preset's. */
    public Distribution latencyOf(SourceId id) {
        SourceSpec spec = sources.get(id);
        return spec != null ? spec.latency() : latency.latency(id, kernel.vsyscall());
    }

    public Experiment withSeed(long newSeed) {
        return new Experiment(name, description, newSeed, durationPs, latency, machine, kernel, scheduler, workload,
                sources, output, simulation);
    }

    public Experiment withSimulation(SimulationMode mode) {
        return new Experiment(name, description, seed, durationPs, latency, machine, kernel, scheduler, workload,
                sources, output, mode);
    }

    public Experiment withKernel(KernelSpec newKernel) {
        return new Experiment(name, description, seed, durationPs, latency, machine, newKernel, scheduler, workload,
                sources, output, simulation);
    }
}
