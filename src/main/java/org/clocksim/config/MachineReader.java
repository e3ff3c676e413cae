package org.clocksim.config;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.TscSpec;

/** Reads {@code machine}: the topology and the TSC settings. */
final class MachineReader {
    static final List<String> KEYS = List.of("sockets", "coresPerSocket", "tsc");
    static final List<String> TSC_KEYS = List.of(
            "frequency", "socketOffset", "coreOffset", "drift", "socketDrift", "wander", "wanderInterval");

    private static final double DEFAULT_FREQUENCY_HZ = 2.4e9;
    private static final long DEFAULT_WANDER_INTERVAL_PS = 1_000_000_000L; // 1 ms

    private MachineReader() {
    }

    /** The machine; valid when its shape (sockets, cores per socket), which other sections use, is. */
    static Checked<MachineSpec> read(Section machine) {
        Checked<Integer> sockets = machine.value("sockets", f -> f.integerAtLeast(1), 1);
        Checked<Integer> coresPerSocket = machine.value("coresPerSocket", f -> f.integerAtLeast(1), 2);
        TscSpec tsc = tsc(machine.section("tsc", TSC_KEYS), sockets);
        return new Checked<>(new MachineSpec(sockets.value(), coresPerSocket.value(), tsc),
                sockets.valid() && coresPerSocket.valid());
    }

    private static TscSpec tsc(Section tsc, Checked<Integer> sockets) {
        double frequencyHz = tsc.value("frequency", f -> f.parsed(Units::parseFrequencyHz), DEFAULT_FREQUENCY_HZ)
                .value();
        List<Long> socketOffsetPs = perSocket(tsc, "socketOffset", sockets,
                f -> f.parsed(text -> Units.parseOffsetPs(text, frequencyHz)), 0L);
        long coreOffsetPs = tsc.value("coreOffset", Field::durationPs, 0L).value();
        double driftPpm = tsc.value("drift", Field::boundedPpm, 0.0).value();
        List<Double> socketDriftPpm = perSocket(tsc, "socketDrift", sockets, Field::boundedPpm, 0.0);
        double wanderPpm = tsc.value("wander",
                f -> f.ppm().filter(ppm -> f.check(ppm >= 0, "expected ppm >= 0")), 0.0).value();
        long wanderIntervalPs = tsc.value("wanderInterval", Field::positiveDurationPs, DEFAULT_WANDER_INTERVAL_PS)
                .value();
        return new TscSpec(frequencyHz, socketOffsetPs, coreOffsetPs, driftPpm, socketDriftPpm, wanderPpm,
                wanderIntervalPs);
    }

    /** A list with one entry per socket; all {@code zero} when absent. */
    private static <T> List<T> perSocket(Section tsc, String key, Checked<Integer> sockets,
                                         Function<Field, Optional<T>> item, T zero) {
        int size = sockets.valid() ? sockets.value() : -1;
        String reason = "one per socket, machine.sockets = " + sockets.value();
        return tsc.value(key, f -> f.list(size, reason, item), Collections.nCopies(sockets.value(), zero)).value();
    }
}
