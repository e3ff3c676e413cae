package org.clocksim.observe;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;

/** Samples every core's offset from true time and from core 0, {@code samples} times over the run. */
public final class SkewSampler {
    private final Machine machine;
    private final List<SkewSample> samples = new ArrayList<>();

    public SkewSampler(Machine machine) {
        this.machine = machine;
    }

    /** Schedules samples at 0, d/(n-1), ... before the end; the caller takes the last one at the end. */
    public void schedule(Simulation simulation, long durationPs, int count) {
        long intervals = count - 1;
        long whole = durationPs / intervals;
        long rest = durationPs % intervals;
        for (int i = 0; i < intervals; i++) {
            // durationPs · i / intervals, without the product overflowing (a day × 200 samples would)
            simulation.schedule(whole * i + rest * i / intervals, this::sample);
        }
    }

    public void sample(long timePs) {
        double core0 = machine.offsetNs(0, timePs);
        for (int core = 0; core < machine.cores(); core++) {
            double offset = machine.offsetNs(core, timePs);
            samples.add(new SkewSample(timePs, core, machine.socketOf(core), offset, offset - core0));
        }
    }

    public List<SkewSample> samples() {
        return List.copyOf(samples);
    }
}
