package org.clocksim;

import java.util.List;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.TscSpec;
import org.clocksim.experiment.Experiment;

/** Specs for tests, with the config's own defaults for everything a test does not set. */
public final class TestSpecs {
    private static final Experiment DEFAULTS = load("duration: 1s\n");

    private TestSpecs() {
    }

    /** The experiment a minimal config resolves to: every default of the config reader. */
    public static Experiment defaults() {
        return DEFAULTS;
    }

    public static Experiment load(String yaml) {
        try {
            return ExperimentLoader.parse(yaml, "test.yaml", List.of());
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** An invariant TSC with TSC_ADJUST. */
    public static TscSpec tsc(double frequencyHz, List<Long> socketOffsetPs, long coreOffsetStdDevPs, double driftPpm,
                              List<Double> socketDriftPpm, double wanderPpm, long wanderIntervalPs) {
        return new TscSpec(frequencyHz, socketOffsetPs, coreOffsetStdDevPs, driftPpm, socketDriftPpm, wanderPpm,
                wanderIntervalPs, true, true, PStateSpec.none());
    }

    /** The default HPET and ACPI PM timers, no scripted events. */
    public static MachineSpec machine(int sockets, int coresPerSocket, TscSpec tsc) {
        MachineSpec defaults = DEFAULTS.machine();
        return new MachineSpec(sockets, coresPerSocket, tsc, defaults.hpet(), defaults.acpiPm(), List.of());
    }
}
