package org.clocksim.config;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clocksim.config.ConfigSchema.Machine;
import org.clocksim.config.ConfigSchema.Timer;
import org.clocksim.config.ConfigSchema.Tsc;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.PlatformTimerSpec;
import org.clocksim.hw.ReturnDelay;
import org.clocksim.hw.TscWrite;
import org.clocksim.hw.TscSpec;
import org.clocksim.hw.kvm.HypervisorSpec;

/** Reads {@code machine}: the topology and the TSC settings. */
final class MachineReader {
    private MachineReader() {
    }

    /** The machine; valid when its shape (sockets, cores per socket), which other sections use, is. */
    static Checked<MachineSpec> read(Section machine) {
        Checked<Integer> sockets = machine.value(Machine.SOCKETS);
        Checked<Integer> coresPerSocket = machine.value(Machine.CORES_PER_SOCKET);
        TscSpec tsc = tsc(machine.section(Tsc.GROUP), sockets);
        PlatformTimerSpec hpet = timer(machine.section(Machine.HPET.group()), Machine.HPET);
        PlatformTimerSpec acpiPm = timer(machine.section(Machine.ACPI_PM.group()), Machine.ACPI_PM);
        boolean shapeValid = sockets.valid() && coresPerSocket.valid();
        int cores = shapeValid ? sockets.value() * coresPerSocket.value() : -1;
        List<TscWrite> events = machine.value(Machine.EVENTS.name(),
                f -> f.list(-1, "", e -> event(e, cores, tsc.frequencyHz())), List.<TscWrite>of()).value();
        HypervisorSpec hypervisor = HypervisorReader.read(machine.section(ConfigSchema.Hypervisor.GROUP), cores,
                tsc.frequencyHz());
        return new Checked<>(new MachineSpec(sockets.value(), coresPerSocket.value(), tsc, hpet, acpiPm, events,
                hypervisor), shapeValid);
    }

    private static TscSpec tsc(Section tsc, Checked<Integer> sockets) {
        double frequencyHz = tsc.value(Tsc.FREQUENCY).value();
        List<Long> socketOffsetPs = perSocket(tsc, Tsc.SOCKET_OFFSET.name(), sockets,
                ValueTypes.offset(frequencyHz).reader(), 0L);
        long coreOffsetPs = tsc.value(Tsc.CORE_OFFSET).value();
        double driftPpm = tsc.value(Tsc.DRIFT).value();
        List<Double> socketDriftPpm = perSocket(tsc, Tsc.SOCKET_DRIFT.name(), sockets,
                ValueTypes.BOUNDED_PPM.reader(), 0.0);
        double wanderPpm = tsc.value(Tsc.WANDER).value();
        long wanderIntervalPs = tsc.value(Tsc.WANDER_INTERVAL).value();
        Checked<Boolean> invariant = tsc.value(Tsc.INVARIANT);
        boolean tscAdjust = tsc.value(Tsc.TSC_ADJUST).value();
        PStateSpec pstates = pstates(tsc, sockets);
        if (invariant.valid() && invariant.value()) {
            for (SchemaEntry key : List.of(Tsc.PSTATES, Tsc.PSTATE_RATE, Tsc.PSTATE_FREQUENCIES)) {
                if (tsc.get(key.name()).isPresent()) {
                    tsc.errorAt(key.name(), "only applies when machine.tsc.invariant is false (an invariant TSC "
                            + "ignores P-states)");
                }
            }
        }
        return new TscSpec(frequencyHz, socketOffsetPs, coreOffsetPs, driftPpm, socketDriftPpm, wanderPpm,
                wanderIntervalPs, invariant.value(), tscAdjust, pstates);
    }

    /** P-state changes of a non-invariant TSC: a list, and/or a random process over given frequencies. */
    private static PStateSpec pstates(Section tsc, Checked<Integer> sockets) {
        List<PStateSpec.Change> changes = tsc.value(Tsc.PSTATES.name(),
                f -> f.list(-1, "", change -> pstateChange(change, sockets)), List.<PStateSpec.Change>of()).value();
        double rate = tsc.value(Tsc.PSTATE_RATE.name(), Tsc.PSTATE_RATE.type().reader(), 0.0).value();
        List<Double> frequencies = tsc.value(Tsc.PSTATE_FREQUENCIES).value();
        if (rate > 0 && frequencies.isEmpty()) {
            tsc.errorAt(Tsc.PSTATE_RATE.name(), "needs machine.tsc.pstateFrequencies, the frequencies to choose from");
        }
        return new PStateSpec(changes, rate, frequencies);
    }

    private static Optional<PStateSpec.Change> pstateChange(Field field, Checked<Integer> sockets) {
        Section change = Section.of(field, "a change such as {at: 50ms, socket: 1, frequency: 1.2GHz}")
                .allowOnly(Tsc.PSTATES.names());
        Checked<Long> at = change.required(Tsc.PSTATE_AT, 0L);
        Checked<Integer> socket = change.required(Tsc.PSTATE_SOCKET, f -> sockets.valid()
                ? f.integerIn(0, sockets.value() - 1, "a socket index in [0, " + (sockets.value() - 1) + "]")
                : f.integerAtLeast(0), 0);
        Checked<Double> frequency = change.required(Tsc.PSTATE_FREQUENCY, 0.0);
        return at.valid() && socket.valid() && frequency.valid()
                ? Optional.of(new PStateSpec.Change(at.value(), socket.value(), frequency.value())) : Optional.empty();
    }

    private static PlatformTimerSpec timer(Section section, Timer timer) {
        return new PlatformTimerSpec(section.value(timer.frequency()).value(), section.value(timer.drift()).value(),
                section.value(timer.readLatency()).value(), returnDelay(section.section(ConfigSchema.ReturnDelay.GROUP)));
    }

    private static ReturnDelay returnDelay(Section delay) {
        return new ReturnDelay(delay.value(ConfigSchema.ReturnDelay.DELAY).value(),
                delay.value(ConfigSchema.ReturnDelay.EVERY).value(), delay.value(ConfigSchema.ReturnDelay.FIRST).value());
    }

    /** {@code {at: 100ms, core: 2, tscWrite: 5us}}: the core's TSC reads 5 us more from 100 ms on. */
    private static Optional<TscWrite> event(Field field, int cores, double frequencyHz) {
        Section event = Section.of(field, "an event such as {at: 100ms, core: 2, tscWrite: 5us}")
                .allowOnly(Machine.EVENTS.names());
        Checked<Long> at = event.required(Machine.EVENT_AT, 0L);
        Checked<Integer> core = event.required(Machine.EVENT_CORE, f -> cores > 0
                ? f.integerIn(0, cores - 1, "a core index in [0, " + (cores - 1) + "]") : f.integerAtLeast(0), 0);
        Checked<Long> delta = event.required(Machine.EVENT_TSC_WRITE, ValueTypes.offset(frequencyHz).reader(), 0L);
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
