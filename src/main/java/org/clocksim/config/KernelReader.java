package org.clocksim.config;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.NtpSpec;
import org.clocksim.kernel.NtpUpdate;
import org.clocksim.kernel.PlatformTimer;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.kernel.WatchdogMode;
import org.clocksim.source.LatencyPreset;

/** Reads {@code kernel}: the tick, the clocksources, NTP, the vsyscall page, the sync check and the watchdog. */
final class KernelReader {
    static final List<String> KEYS = List.of("hz", "timekeepingCpu", "tickLatency", "clocksource", "fallbackClocksource",
            "publishTime", "dataPageMiss", "wallClockStart", "vsyscall", "ntp", "ntpUpdate", "tsc", "tscSyncCheck",
            "syncCheckDuration", "syncCheckHandoff", "watchdog", "watchdogInterval", "watchdogMargin");
    static final List<String> NTP_KEYS = List.of("frequency", "flipEvery", "changes");
    static final List<String> CHANGE_KEYS = List.of("at", "frequency");
    static final List<String> CLOCKSOURCES = List.of("tsc", PlatformTimer.HPET, PlatformTimer.ACPI_PM);
    static final List<String> FALLBACKS = List.of(PlatformTimer.HPET, PlatformTimer.ACPI_PM);
    static final String RELIABLE = "reliable";
    static final String NORMAL = "normal";
    static final String AUTO = "auto";
    static final String DEFAULT_WALL_CLOCK = "2026-01-01T00:00:00Z";

    private static final List<Integer> HZ = List.of(100, 250, 300, 1000);
    private static final long NS = 1_000;
    private static final long MS = 1_000_000_000L;
    /** Timer interrupt to the timekeeping update: ~1 us (an assumption, docs/MODEL.md). */
    static final long DEFAULT_TICK_LATENCY_PS = 1_000 * NS;
    /**
     * The kernel's spinlock hand-off between two CPUs: a cache-line transfer, ~100 ns (KERNEL-FACTS.md §4).
     * It has a floor (80 ns, ~200 cycles at 2.4 GHz: the residual the kernel reports) that every run of
     * the warp test reaches: compensating by the measured warp then leaves less than the shortest gap,
     * and the next run sees no warp, as on real machines. Without a floor (a log-normal, say) each run
     * finds a shorter gap than the last, so the third run still warps for about one CPU in five.
     */
    static final Distribution DEFAULT_SYNC_HANDOFF = new Distribution.WithTail(new Distribution.Fixed(80 * NS), 0.5,
            40 * NS);

    private KernelReader() {
    }

    static KernelSpec read(Section kernel, Checked<MachineSpec> machine, LatencyPreset preset) {
        int cores = machine.value().cores();
        int hz = kernel.value("hz", f -> f.integerIn(100, 1000, "one of 100, 250, 300, 1000")
                .filter(x -> HZ.contains(x) || f.reject("expected one of 100, 250, 300, 1000, got " + x)), 250).value();
        int timekeepingCpu = kernel.value("timekeepingCpu", f -> machine.valid()
                ? f.integerIn(0, cores - 1, "a core index in [0, " + (cores - 1) + "]") : f.integerAtLeast(0), 0)
                .value();
        long tickLatencyPs = kernel.value("tickLatency", Field::durationPs, DEFAULT_TICK_LATENCY_PS).value();
        String clocksource = kernel.value("clocksource", f -> f.word("clocksource", CLOCKSOURCES), "tsc").value();
        String fallback = kernel.value("fallbackClocksource", f -> f.word("fallback clocksource", FALLBACKS),
                PlatformTimer.HPET).value();
        long publishPs = kernel.value("publishTime", Field::durationPs, 100 * NS).value();
        long missPs = kernel.value("dataPageMiss", Field::durationPs, 180 * NS).value();
        long wallClockNs = kernel.value("wallClockStart", KernelReader::instantNs, instantNs(DEFAULT_WALL_CLOCK))
                .value();
        VsyscallMode vsyscall = kernel.value("vsyscall",
                f -> f.oneOf("vsyscall mode", VsyscallMode.values(), VsyscallMode::id),
                preset == LatencyPreset.LEGACY_2009 ? VsyscallMode.NATIVE : VsyscallMode.XONLY).value();
        NtpSpec ntp = ntp(kernel.section("ntp", NTP_KEYS));
        NtpUpdate ntpUpdate = kernel.value("ntpUpdate", f -> f.oneOf("NTP update", NtpUpdate.values(), NtpUpdate::id),
                NtpUpdate.CONTINUOUS).value();
        boolean reliable = kernel.value("tsc", f -> f.word("tsc= option", List.of(NORMAL, RELIABLE)), NORMAL)
                .value().equals(RELIABLE);
        boolean syncCheck = kernel.value("tscSyncCheck", Field::bool, false).value();
        long syncCheckPs = kernel.value("syncCheckDuration", Field::durationOrAuto, 0L).value();
        Distribution syncHandoff = kernel.value("syncCheckHandoff", DistributionReader::read, DEFAULT_SYNC_HANDOFF)
                .value();
        WatchdogMode watchdog = kernel.value("watchdog", f -> f.oneOf("watchdog mode", WatchdogMode.values(),
                WatchdogMode::id), WatchdogMode.AUTO).value();
        if (reliable) {
            // tsc=reliable skips the boot sync check and the watchdog (KERNEL-FACTS.md §4): asking for either contradicts it
            if (syncCheck) {
                kernel.errorAt("tscSyncCheck", "contradicts kernel.tsc: reliable (tsc=reliable skips the boot sync "
                        + "check); set one of them only");
            }
            if (watchdog == WatchdogMode.ON) {
                kernel.errorAt("watchdog", "contradicts kernel.tsc: reliable (tsc=reliable turns the clocksource "
                        + "watchdog off for the TSC); set one of them only");
            }
        }
        long watchdogIntervalPs = kernel.value("watchdogInterval", Field::positiveDurationPs, 500 * MS).value();
        long watchdogMarginPs = kernel.value("watchdogMargin", Field::durationOrAuto, 0L).value();
        return new KernelSpec(hz, timekeepingCpu, tickLatencyPs, clocksource, fallback, publishPs, missPs, wallClockNs, vsyscall,
                ntp, ntpUpdate, reliable, syncCheck, syncCheckPs, syncHandoff, watchdog, watchdogIntervalPs,
                watchdogMarginPs);
    }

    private static NtpSpec ntp(Section ntp) {
        double frequency = ntp.value("frequency", KernelReader::ntpPpm, 0.0).value();
        long flipEveryPs = ntp.value("flipEvery", Field::durationPs, 0L).value();
        List<NtpSpec.Change> changes = ntp.value("changes", f -> f.list(-1, "", KernelReader::change), List.of())
                .value();
        return new NtpSpec(frequency, flipEveryPs, changes);
    }

    private static Optional<NtpSpec.Change> change(Field field) {
        Section change = Section.of(field, "a change such as {at: 100ms, frequency: 200ppm}").allowOnly(CHANGE_KEYS);
        Checked<Long> at = change.required("at", "a duration such as 100ms", Field::durationPs, 0L);
        Checked<Double> frequency = change.required("frequency", "ppm within ±500ppm", KernelReader::ntpPpm, 0.0);
        return at.valid() && frequency.valid()
                ? Optional.of(new NtpSpec.Change(at.value(), frequency.value())) : Optional.empty();
    }

    /** adjtimex refuses a frequency beyond ±500 ppm (KERNEL-FACTS.md §2). */
    private static Optional<Double> ntpPpm(Field field) {
        return field.ppm().filter(ppm -> Math.abs(ppm) <= NtpSpec.MAX_PPM
                || field.reject("expected ppm within ±500ppm (the kernel's NTP limit), got " + Units.formatPpm(ppm)));
    }

    private static Optional<Long> instantNs(Field field) {
        return field.text().flatMap(text -> {
            try {
                return Optional.of(instantNs(text));
            } catch (DateTimeParseException e) {
                field.error("expected an instant such as " + DEFAULT_WALL_CLOCK + ", got " + text);
                return Optional.empty();
            }
        });
    }

    static long instantNs(String text) {
        Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }
}
