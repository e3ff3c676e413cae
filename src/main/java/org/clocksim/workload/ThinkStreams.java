package org.clocksim.workload;

import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.StreamName;

/** The think-time stream of a thread, named the same in every workload so passes share it. */
final class ThinkStreams {
    private ThinkStreams() {
    }

    static RandomStream of(RandomStreams streams, int thread) {
        return streams.stream(StreamName.THINK.of(thread));
    }
}
