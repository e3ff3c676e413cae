package org.clocksim.source;

import org.clocksim.engine.RandomStreams;
import org.clocksim.hw.Machine;
import org.clocksim.kernel.Scheduler;

/** Makes the time source a pass calls, from its id and settings. */
public final class TimeSources {
    private TimeSources() {
    }

    public static TimeSource create(SourceId id, SourceSpec spec, Machine machine, Scheduler scheduler,
                                    RandomStreams streams, double calibrationErrorPpm) {
        return switch (id) {
            case RDTSC, RDTSCP -> new CounterInstruction(id, machine, scheduler, spec.latency(), streams,
                    calibrationErrorPpm);
        };
    }
}
