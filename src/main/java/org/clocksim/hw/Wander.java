package org.clocksim.hw;

import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.StreamName;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.TimeUnits;

/**
 * Random-walk wander of one socket's oscillator: every interval the socket's rate error takes a
 * normal step of {@code wander * sqrt(interval in s)} ppm, and the socket's counters re-anchor.
 * Each socket has its own stream (its own oscillator); the common drift stays common.
 * Source for magnitudes: KERNEL-FACTS.md §1 (a few ppm of wander over a day, ~1 ppm/°C).
 */
final class Wander {

    private final Machine machine;
    private final int socket;
    private final long intervalPs;
    private final double stepPpm;
    private final double baseRatePpm;
    private final RandomStream random;
    private final EventHandler onStep = this::step;
    private Simulation simulation;
    private double wanderPpm;

    Wander(Machine machine, MachineSpec spec, int socket, RandomStreams streams) {
        TscSpec tsc = spec.tsc();
        this.machine = machine;
        this.socket = socket;
        this.intervalPs = tsc.wanderIntervalPs();
        this.stepPpm = tsc.wanderPpmPerSqrtS() * StrictMath.sqrt(TimeUnits.seconds(intervalPs));
        this.baseRatePpm = tsc.driftPpm() + tsc.socketDriftPpm().get(socket);
        this.random = streams.stream(StreamName.TSC_WANDER.of(socket));
    }

    void start(Simulation simulation) {
        this.simulation = simulation;
        simulation.schedule(intervalPs, onStep);
    }

    private void step(long timePs) {
        wanderPpm += stepPpm * random.nextGaussian();
        machine.setSocketPpm(socket, baseRatePpm + wanderPpm, timePs);
        simulation.schedule(timePs + intervalPs, onStep);
    }
}
