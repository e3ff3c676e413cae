package org.clocksim.hw;

import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.TimeUnits;

/**
 * Builds a {@link Machine} from its spec. Offsets and wander come from named random streams, so
 * every pass of an experiment builds the same machine. Offsets model sockets leaving reset apart
 * and TSC / TSC_ADJUST writes; with an invariant TSC the rate error is common to all cores and
 * per-socket rates model boards with separate clocks (KERNEL-FACTS.md §1).
 */
public final class MachineBuilder {

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
        double nominalCyclesPerPs = tsc.frequencyHz() / TimeUnits.PS_PER_S;
        RandomStream coreOffsets = streams.stream(StreamName.TSC_CORE_OFFSETS.of());
        TscCounter[] counters = new TscCounter[spec.cores()];
        double[] socketPpm = new double[spec.sockets()];
        for (int socket = 0; socket < socketPpm.length; socket++) {
            socketPpm[socket] = tsc.driftPpm() + tsc.socketDriftPpm().get(socket);
        }
        for (int core = 0; core < counters.length; core++) {
            int socket = core / spec.coresPerSocket();
            double offsetPs = tsc.socketOffsetPs().get(socket)
                    + tsc.coreOffsetStdDevPs() * coreOffsets.nextGaussian();
            counters[core] = new TscCounter(offsetPs * nominalCyclesPerPs,
                    nominalCyclesPerPs * (1 + socketPpm[socket] * 1e-6));
        }
        Machine machine = new Machine(spec.sockets(), spec.coresPerSocket(), tsc.frequencyHz(), counters, socketPpm);
        if (tsc.wanderPpmPerSqrtS() > 0) {
            for (int socket = 0; socket < spec.sockets(); socket++) {
                new Wander(machine, spec, socket, streams).start(simulation);
            }
        }
        if (!tsc.invariant()) {
            schedulePStates(machine, tsc.pstates(), streams, simulation);
        }
        for (TscWrite write : spec.events()) {
            double cycles = write.deltaPs() * nominalCyclesPerPs;
            simulation.schedule(write.atPs(), time -> machine.writeTsc(write.core(), cycles));
        }
        return machine;
    }

    private static void schedulePStates(Machine machine, PStateSpec pstates, RandomStreams streams,
                                        Simulation simulation) {
        for (PStateSpec.Change change : pstates.changes()) {
            simulation.schedule(change.atPs(),
                    time -> machine.setSocketFrequency(change.socket(), change.frequencyHz(), time));
        }
        if (pstates.ratePerSecond() > 0 && !pstates.frequenciesHz().isEmpty()) {
            for (int socket = 0; socket < machine.sockets(); socket++) {
                RandomStream random = streams.stream(StreamName.TSC_PSTATE.of(socket));
                int s = socket;
                simulation.schedule(nextPState(pstates, random, 0),
                        time -> randomPState(machine, pstates, s, random, simulation, time));
            }
        }
    }

    /** A random P-state process: Poisson changes, each to a uniformly chosen frequency. */
    private static void randomPState(Machine machine, PStateSpec pstates, int socket, RandomStream random,
                                     Simulation simulation, long timePs) {
        List<Double> levels = pstates.frequenciesHz();
        machine.setSocketFrequency(socket, levels.get(random.nextInt(levels.size())), timePs);
        simulation.schedule(nextPState(pstates, random, timePs),
                time -> randomPState(machine, pstates, socket, random, simulation, time));
    }

    private static long nextPState(PStateSpec pstates, RandomStream random, long afterPs) {
        return afterPs + 1
                + Distribution.capped(Math.round(random.nextExponential() * TimeUnits.PS_PER_S / pstates.ratePerSecond()));
    }
}
