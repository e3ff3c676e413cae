package org.clocksim.hw;

import java.util.SplittableRandom;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;

/**
 * Builds a {@link Machine} from its spec. Offsets and wander come from named random streams, so
 * every pass of an experiment builds the same machine.
 */
public final class MachineBuilder {
    static final String CORE_OFFSET_STREAM = "tsc.core-offsets";
    private static final double PS_PER_SECOND = 1e12;

    private MachineBuilder() {
    }

    /**
     * The machine as it is at true time 0: each core's counter reads its offset (socket offset plus
     * a normal per-core offset) converted to cycles at the nominal frequency, and counts at the
     * nominal rate scaled by the common and the socket's drift. Wander, if any, is scheduled on
     * {@code simulation}.
     */
    public static Machine build(MachineSpec spec, RandomStreams streams, Simulation simulation) {
        TscSpec tsc = spec.tsc();
        double nominalCyclesPerPs = tsc.frequencyHz() / PS_PER_SECOND;
        SplittableRandom coreOffsets = streams.stream(CORE_OFFSET_STREAM);
        TscCounter[] counters = new TscCounter[spec.cores()];
        for (int core = 0; core < counters.length; core++) {
            int socket = core / spec.coresPerSocket();
            double offsetPs = tsc.socketOffsetPs().get(socket)
                    + tsc.coreOffsetStdDevPs() * coreOffsets.nextGaussian();
            double ratePpm = tsc.driftPpm() + tsc.socketDriftPpm().get(socket);
            counters[core] = new TscCounter(offsetPs * nominalCyclesPerPs,
                    nominalCyclesPerPs * (1 + ratePpm * 1e-6));
        }
        Machine machine = new Machine(spec.sockets(), spec.coresPerSocket(), tsc.frequencyHz(), counters);
        if (tsc.wanderPpmPerSqrtS() > 0) {
            for (int socket = 0; socket < spec.sockets(); socket++) {
                new Wander(machine, spec, socket, streams).start(simulation);
            }
        }
        for (TscWrite write : spec.events()) {
            double cycles = write.deltaPs() * nominalCyclesPerPs;
            simulation.schedule(write.atPs(), time -> machine.writeTsc(write.core(), cycles));
        }
        return machine;
    }
}
