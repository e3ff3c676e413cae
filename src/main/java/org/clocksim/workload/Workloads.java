package org.clocksim.workload;

import java.util.List;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.SimulationMode;
import org.clocksim.kernel.Scheduler;
import org.clocksim.observe.CrossSourceObserver;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.TimeSource;

/** Makes the workload a spec describes. */
public final class Workloads {
    private Workloads() {
    }

    /**
     * @param sources     what each thread calls, in turn when there are several
     * @param observers   one per source
     * @param crossSource watches the alternation between sources, or null for one source
     * @param mode        exact, or fast: independent loops aggregate their quiet stretches; a lock
     *                    hand-off, whose threads interact at every read, always runs exactly
     * @param scheduler   moves the threads (fast mode's independent loops settle their migrations with it)
     */
    public static Workload create(WorkloadSpec spec, List<TimeSource> sources, List<SourceObserver> observers,
                                  CrossSourceObserver crossSource, RandomStreams streams, SimulationMode mode,
                                  Scheduler scheduler) {
        Calls calls = new Calls(spec.threads(), sources, observers, crossSource);
        return switch (spec.pattern()) {
            case INDEPENDENT -> new IndependentLoop(calls, spec.thinkTime(), streams, mode, scheduler);
            case LOCK_HANDOFF -> new LockHandoff(calls, spec.handoffLatency(), spec.handoffOrder(), spec.thinkTime(),
                    streams);
        };
    }
}
