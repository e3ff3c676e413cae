package org.clocksim.config;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.clocksim.config.ConfigSchema.Kernel;
import org.clocksim.config.ConfigSchema.Ntp;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.kernel.ClocksourceId;
import org.clocksim.kernel.ClocksourceSpec;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.NtpSpec;
import org.clocksim.kernel.NtpUpdate;
import org.clocksim.kernel.SyncCheckSpec;
import org.clocksim.kernel.TickSpec;
import org.clocksim.kernel.VdsoPageSpec;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.kernel.WatchdogMode;
import org.clocksim.kernel.WatchdogSpec;
import org.clocksim.source.LatencyPreset;

/** Reads {@code kernel}: the tick, the clocksources, NTP, the vsyscall page, the sync check and the watchdog. */
final class KernelReader {
    private KernelReader() {
    }

    static KernelSpec read(Section kernel, Checked<MachineSpec> machine, LatencyPreset preset) {
        int cores = machine.value().cores();
        int hz = kernel.value(Kernel.HZ).value();
        int timekeepingCpu = kernel.value(Kernel.TIMEKEEPING_CPU, f -> machine.valid()
                ? f.integerIn(0, cores - 1, "a core index in [0, " + (cores - 1) + "]") : f.integerAtLeast(0)).value();
        long tickLatencyPs = kernel.value(Kernel.TICK_LATENCY).value();
        long publishPs = kernel.value(Kernel.PUBLISH_TIME).value();
        long missPs = kernel.value(Kernel.DATA_PAGE_MISS).value();
        long wallClockNs = kernel.value(Kernel.WALL_CLOCK_START).value();
        long taiOffsetNs = kernel.value(Kernel.TAI_OFFSET).value() / TimeUnits.PS_PER_NS;
        KernelVersion version = kernel.value(Kernel.VERSION.name(), Kernel.VERSION.type().reader(),
                preset == LatencyPreset.LEGACY_2009 ? KernelRules.OLDEST : KernelRules.NEWEST).value();
        VsyscallMode vsyscall = kernel.value(Kernel.VSYSCALL.name(), Kernel.VSYSCALL.type().reader(),
                KernelRules.defaultVsyscall(version)).value();
        HypervisorSpec hypervisor = machine.value().hypervisor();
        ClocksourceId fallback = kernel.value(Kernel.FALLBACK_CLOCKSOURCE.name(),
                Kernel.FALLBACK_CLOCKSOURCE.type().reader(),
                hypervisor.kvmClock() ? ClocksourceId.KVM_CLOCK : ClocksourceId.HPET).value();
        ClocksourceId clocksource = kernel.value(Kernel.CLOCKSOURCE.name(), Kernel.CLOCKSOURCE.type().reader(),
                hypervisor.kvmClock() ? KernelRules.kvmGuestClocksource(version, machine.value().tsc().invariant())
                        : ClocksourceId.TSC).value();
        if (!hypervisor.kvmClock()) {
            requireKvm(kernel, Kernel.CLOCKSOURCE.name(), clocksource);
            requireKvm(kernel, Kernel.FALLBACK_CLOCKSOURCE.name(), fallback);
        }
        KernelRules.vsyscallProblem(version, vsyscall).ifPresent(problem -> kernel.errorAt(Kernel.VSYSCALL.name(),
                "vsyscall: " + vsyscall.id() + " contradicts kernel.version: " + version + ": " + problem));
        NtpSpec ntp = ntp(kernel.section(Ntp.GROUP));
        NtpUpdate ntpUpdate = kernel.value(Kernel.NTP_UPDATE).value();
        boolean reliable = kernel.value(Kernel.TSC).value().equals(Kernel.RELIABLE);
        boolean syncCheck = kernel.value(Kernel.TSC_SYNC_CHECK).value();
        long syncCheckPs = kernel.value(Kernel.SYNC_CHECK_DURATION).value();
        Distribution syncHandoff = kernel.value(Kernel.SYNC_CHECK_HANDOFF).value();
        double syncRunSpread = kernel.value(Kernel.SYNC_CHECK_RUN_SPREAD).value();
        WatchdogMode watchdog = kernel.value(Kernel.WATCHDOG).value();
        if (reliable) {
            // tsc=reliable skips the boot sync check and the watchdog (KERNEL-FACTS.md §4): asking for either contradicts it
            if (syncCheck) {
                kernel.errorAt(Kernel.TSC_SYNC_CHECK.name(), "contradicts kernel.tsc: reliable (tsc=reliable skips "
                        + "the boot sync check); set one of them only");
            }
            if (watchdog == WatchdogMode.ON) {
                kernel.errorAt(Kernel.WATCHDOG.name(), "contradicts kernel.tsc: reliable (tsc=reliable turns the "
                        + "clocksource watchdog off for the TSC); set one of them only");
            }
        }
        long watchdogIntervalPs = kernel.value(Kernel.WATCHDOG_INTERVAL).value();
        long watchdogMarginPs = kernel.value(Kernel.WATCHDOG_MARGIN).value();
        return new KernelSpec(version, new TickSpec(hz, timekeepingCpu, tickLatencyPs),
                new ClocksourceSpec(clocksource, fallback), new VdsoPageSpec(publishPs, missPs), wallClockNs, taiOffsetNs,
                vsyscall,
                ntp, ntpUpdate, reliable, new SyncCheckSpec(syncCheck, syncCheckPs, syncHandoff, syncRunSpread),
                new WatchdogSpec(watchdog, watchdogIntervalPs, watchdogMarginPs));
    }

    private static void requireKvm(Section kernel, String key, ClocksourceId chosen) {
        if (chosen == ClocksourceId.KVM_CLOCK) {
            kernel.errorAt(key, "kvm-clock needs machine.hypervisor.kind: kvm with machine.hypervisor.pvclock.exposed: "
                    + "true");
        }
    }

    private static NtpSpec ntp(Section ntp) {
        double frequency = ntp.value(Ntp.FREQUENCY).value();
        long flipEveryPs = ntp.value(Ntp.FLIP_EVERY).value();
        return new NtpSpec(frequency, flipEveryPs, ntp.value(Ntp.CHANGES.name(),
                f -> f.list(-1, "", KernelReader::change), List.<NtpSpec.Change>of()).value());
    }

    private static Optional<NtpSpec.Change> change(Field field) {
        Section change = Section.of(field, "a change such as {at: 100ms, frequency: 200ppm}")
                .allowOnly(Ntp.CHANGES.names());
        Checked<Long> at = change.required(Ntp.CHANGE_AT, 0L);
        Checked<Double> frequency = change.required(Ntp.CHANGE_FREQUENCY, 0.0);
        return at.valid() && frequency.valid()
                ? Optional.of(new NtpSpec.Change(at.value(), frequency.value())) : Optional.empty();
    }

    static long instantNs(String text) {
        Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
