package org.clocksim.config;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.hw.TscWrite;
import org.clocksim.hw.TscSpec;

/** Reads {@code machine}: the topology and the TSC settings. */
final class MachineReader {
    static final List<String> KEYS = List.of("sockets", "coresPerSocket", "tsc", "hpet", "acpiPm", "events");
    static final List<String> TSC_KEYS = List.of("frequency", "socketOffset", "coreOffset", "drift", "socketDrift",
            "wander", "wanderInterval", "invariant", "tscAdjust", "pstates", "pstateRate", "pstateFrequencies");
    static final List<String> PSTATE_KEYS = List.of("at", "socket", "frequency");
    static final List<String> TIMER_KEYS = List.of("frequency", "drift", "readLatency");
    static final List<String> EVENT_KEYS = List.of("at", "core", "tscWrite");
    private static final long NS = 1_000;
    /** HPET: 14.318 MHz, ~1.2 us per read; ACPI PM: 3.58 MHz, ~2.5 us (KERNEL-FACTS.md §1). */
    static final PlatformTimerSpec DEFAULT_HPET = new PlatformTimerSpec(14_318_180,
            0, new Distribution.LogNormal(1_200 * NS, 0.1));
    static final PlatformTimerSpec DEFAULT_ACPI_PM = new PlatformTimerSpec(3_579_545,
            0, new Distribution.LogNormal(2_500 * NS, 0.1));

    private static final double DEFAULT_FREQUENCY_HZ = 2.4e9;
    private static final long DEFAULT_WANDER_INTERVAL_PS = 1_000_000_000L; // 1 ms

    private MachineReader() {
    }

    /** The machine; valid when its shape (sockets, cores per socket), which other sections use, is. */
    static Checked<MachineSpec> read(Section machine) {
        Checked<Integer> sockets = machine.value("sockets", f -> f.integerAtLeast(1), 1);
        Checked<Integer> coresPerSocket = machine.value("coresPerSocket", f -> f.integerAtLeast(1), 2);
        TscSpec tsc = tsc(machine.section("tsc", TSC_KEYS), sockets);
        PlatformTimerSpec hpet = timer(machine.section("hpet", TIMER_KEYS), DEFAULT_HPET);
        PlatformTimerSpec acpiPm = timer(machine.section("acpiPm", TIMER_KEYS), DEFAULT_ACPI_PM);
        boolean shapeValid = sockets.valid() && coresPerSocket.valid();
        int cores = shapeValid ? sockets.value() * coresPerSocket.value() : -1;
        List<TscWrite> events = machine.value("events", f -> f.list(-1, "", e -> event(e, cores, tsc.frequencyHz())),
                List.<TscWrite>of()).value();
        return new Checked<>(new MachineSpec(sockets.value(), coresPerSocket.value(), tsc, hpet, acpiPm, events),
                shapeValid);
    }

    private static TscSpec tsc(Section tsc, Checked<Integer> sockets) {
        double frequencyHz = tsc.value("frequency", Field::counterFrequencyHz, DEFAULT_FREQUENCY_HZ)
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
        Checked<Boolean> invariant = tsc.value("invariant", Field::bool, true);
        boolean tscAdjust = tsc.value("tscAdjust", Field::bool, true).value();
        PStateSpec pstates = pstates(tsc, sockets);
        if (invariant.valid() && invariant.value()) {
            for (String key : List.of("pstates", "pstateRate", "pstateFrequencies")) {
                if (tsc.get(key).isPresent()) {
                    tsc.errorAt(key, "only applies when machine.tsc.invariant is false (an invariant TSC ignores "
                            + "P-states)");
                }
            }
        }
        return new TscSpec(frequencyHz, socketOffsetPs, coreOffsetPs, driftPpm, socketDriftPpm, wanderPpm,
                wanderIntervalPs, invariant.value(), tscAdjust, pstates);
    }

    /** P-state changes of a non-invariant TSC: a list, and/or a random process over given frequencies. */
    private static PStateSpec pstates(Section tsc, Checked<Integer> sockets) {
        List<PStateSpec.Change> changes = tsc.value("pstates",
                f -> f.list(-1, "", change -> pstateChange(change, sockets)), List.<PStateSpec.Change>of()).value();
        double rate = tsc.value("pstateRate", f -> f.parsed(Units::parseRatePerSecond), 0.0).value();
        List<Double> frequencies = tsc.value("pstateFrequencies",
                f -> f.list(-1, "", Field::counterFrequencyHz), List.<Double>of()).value();
        if (rate > 0 && frequencies.isEmpty()) {
            tsc.errorAt("pstateRate", "needs machine.tsc.pstateFrequencies, the frequencies to choose from");
        }
        return new PStateSpec(changes, rate, frequencies);
    }

    private static Optional<PStateSpec.Change> pstateChange(Field field, Checked<Integer> sockets) {
        Section change = Section.of(field, "a change such as {at: 50ms, socket: 1, frequency: 1.2GHz}")
                .allowOnly(PSTATE_KEYS);
        Checked<Long> at = change.required("at", "a duration such as 50ms", Field::durationPs, 0L);
        Checked<Integer> socket = change.required("socket", "a socket index", f -> sockets.valid()
                ? f.integerIn(0, sockets.value() - 1, "a socket index in [0, " + (sockets.value() - 1) + "]")
                : f.integerAtLeast(0), 0);
        Checked<Double> frequency = change.required("frequency", "a frequency such as 1.2GHz",
                Field::counterFrequencyHz, 0.0);
        return at.valid() && socket.valid() && frequency.valid()
                ? Optional.of(new PStateSpec.Change(at.value(), socket.value(), frequency.value())) : Optional.empty();
    }

    private static PlatformTimerSpec timer(Section timer, PlatformTimerSpec defaults) {
        double frequencyHz = timer.value("frequency", Field::counterFrequencyHz, defaults.frequencyHz())
                .value();
        double driftPpm = timer.value("drift", Field::boundedPpm, defaults.driftPpm()).value();
        Distribution readLatency = timer.value("readLatency", DistributionReader::read, defaults.readLatency())
                .value();
        return new PlatformTimerSpec(frequencyHz, driftPpm, readLatency);
    }

    /** {@code {at: 100ms, core: 2, tscWrite: 5us}}: the core's TSC reads 5 us more from 100 ms on. */
    private static Optional<TscWrite> event(Field field, int cores, double frequencyHz) {
        Section event = Section.of(field, "an event such as {at: 100ms, core: 2, tscWrite: 5us}").allowOnly(EVENT_KEYS);
        Checked<Long> at = event.required("at", "a duration such as 100ms", Field::durationPs, 0L);
        Checked<Integer> core = event.required("core", "a core index", f -> cores > 0
                ? f.integerIn(0, cores - 1, "a core index in [0, " + (cores - 1) + "]") : f.integerAtLeast(0), 0);
        Checked<Long> delta = event.required("tscWrite", "an offset such as 5us, -2us or 5000cycles",
                f -> f.parsed(text -> Units.parseOffsetPs(text, frequencyHz)), 0L);
        return at.valid() && core.valid() && delta.valid()
                ? Optional.of(new TscWrite(at.value(), core.value(), delta.value())) : Optional.empty();
    }

    /** A list with one entry per socket; all {@code zero} when absent. */
    private static <T> List<T> perSocket(Section tsc, String key, Checked<Integer> sockets,
                                         Function<Field, Optional<T>> item, T zero) {
        int size = sockets.valid() ? sockets.value() : -1;
        String reason = "one per socket, machine.sockets = " + sockets.value();
        return tsc.value(key, f -> f.list(size, reason, item), Collections.nCopies(sockets.value(), zero)).value();
    }
}
