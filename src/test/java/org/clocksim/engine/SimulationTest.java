package org.clocksim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
    @Test
    void activitiesCatchUpStrictlyBeforeEachEventAndTheEnd() {
        Simulation simulation = new Simulation();
        List<String> log = new ArrayList<>();
        simulation.addActivity(limit -> log.add("advance<" + limit));
        simulation.schedule(10, t -> log.add("event@" + t));
        simulation.schedule(30, t -> log.add("event@" + t));
        simulation.schedule(100, t -> log.add("never@" + t));
        simulation.run(50);
        assertThat(log).containsExactly("advance<10", "event@10", "advance<30", "event@30", "advance<50");
        assertThat(simulation.now()).isEqualTo(50);
    }

    @Test
    void anEventAtTheEndDoesNotFire() {
        Simulation simulation = new Simulation();
        List<Long> fired = new ArrayList<>();
        simulation.schedule(50, fired::add);
        simulation.run(50);
        assertThat(fired).isEmpty();
    }

    @Test
    void refusesEventsInThePast() {
        Simulation simulation = new Simulation();
        simulation.schedule(10, t -> simulation.schedule(5, u -> { }));
        assertThatThrownBy(() -> simulation.run(20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("in the past");
    }
}
