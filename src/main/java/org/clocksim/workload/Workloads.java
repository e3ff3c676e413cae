package org.clocksim.workload;

import org.clocksim.engine.RandomStreams;
import org.clocksim.observe.SourceObserver;
import org.clocksim.source.TimeSource;

/** Makes the workload a spec describes. */
public final class Workloads {
    private Workloads() {
    }

    public static Workload create(WorkloadSpec spec, TimeSource source, SourceObserver observer,
                                  RandomStreams streams) {
        return switch (spec.pattern()) {
            case INDEPENDENT -> new IndependentLoop(spec.threads(), source, observer, spec.thinkTime(), streams);
            case LOCK_HANDOFF -> new LockHandoff(spec.threads(), source, observer, spec.handoffLatency(),
                    spec.handoffOrder(), spec.thinkTime(), streams);
        };
    }
}
