package org.clocksim.calibrate.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.clocksim.calibrate.facts.HostFacts;
import org.clocksim.calibrate.facts.VsyscallMapping;
import org.clocksim.calibrate.fit.LatencyFit;
import org.clocksim.calibrate.fit.LatencyFitter;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.source.SourceId;

/**
 * The host as clocksim models it: what host.yaml says, decided from the facts and the probe's
 * measurements. A KVM guest (cpu flag hypervisor and kvm-clock among the clocksources) is written as one
 * (machine.hypervisor.kind: kvm, kvm-clock a clocksource). What clocksim cannot model (a clocksource it
 * does not know, a HZ it does not know) is kept as a note, written as a comment.
 *
 * @param kernelVersion  the release as kernel.version (empty: the release names none)
 * @param coresPerSocket logical CPUs per socket (clocksim's cores are what threads run on)
 * @param kvmGuest       the host is a KVM guest: its cores are vCPUs, kvm-clock is one of its clocksources
 * @param migrationRate  the scheduler's natural migrations per second of a busy thread (0: none seen)
 * @param migrationGapNs the forced migration's median gap (0: not measured)
 */
public record HostProfile(String hostname, String kernelRelease, Optional<KernelVersion> kernelVersion, String cpuModel, int sockets, int coresPerSocket,
                          double tscGhz, boolean invariantTsc, boolean tscAdjust, boolean kvmGuest, int hz,
                          String clocksource,
                          String fallbackClocksource, VsyscallMode vsyscall, double ntpFrequencyPpm,
                          List<Double> socketOffsetCycles, double migrationRate, double migrationGapNs,
                          Map<SourceId, LatencyFit> latencies, List<String> notes) {
    /** clocksim's clocksources (kernel.clocksource), kvm-clock on a KVM guest only. */
    private static final List<String> MODELLED_CLOCKSOURCES = List.of("tsc", "hpet", "acpi_pm");
    private static final String KVM_CLOCK = "kvm-clock";
    private static final double MAX_NTP_PPM = 500;
    /** How far cpuinfo's MHz may be from the measured TSC frequency before a note says so. */
    static final double TSC_CROSS_CHECK = 0.01;

    public HostProfile {
        socketOffsetCycles = List.copyOf(socketOffsetCycles);
        latencies = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(latencies));
        notes = List.copyOf(notes);
    }

    public static HostProfile of(HostFacts facts, ProbeMeasurements probe, String hostname) {
        List<String> notes = new ArrayList<>();
        Optional<KernelVersion> version = ModelledRelease.of(facts.kernel().release(), notes);
        boolean kvmGuest = facts.cpu().virtualMachine() && facts.clocksources().has(KVM_CLOCK);
        if (kvmGuest) {
            notes.add("the host is a KVM guest (cpu flag hypervisor, kvm-clock among its clocksources): "
                    + "machine.hypervisor.kind kvm; steal, pvclock refreshes and migrations are not measured");
        } else if (facts.cpu().virtualMachine()) {
            notes.add("the host is a virtual machine (cpu flag hypervisor) without kvm-clock: modelled as the bare "
                    + "machine it presents");
        }
        if (facts.cpu().mhz().isPresent() && probe.tscGhzMeasured() > 0) {
            double reported = facts.cpu().mhz().getAsDouble();
            double measured = probe.tscGhzMeasured() * 1000;
            if (Math.abs(reported - measured) > TSC_CROSS_CHECK * measured) {
                notes.add(String.format(Locale.ROOT, "the TSC measured %.3f MHz against CLOCK_MONOTONIC_RAW; cpuinfo says "
                        + "%.3f MHz (the core's clock, which need not be the TSC's%s); the measured frequency is used",
                        measured, reported, facts.cpu().has("tsc_known_freq") ? "" : "; no tsc_known_freq"));
            }
        }
        OptionalInt measuredHz = KernelHz.fromCoarseResolution(probe.coarseResolutionNs());
        int hz = measuredHz.orElse(250);
        if (measuredHz.isEmpty()) {
            notes.add("the coarse clocks' resolution (" + probe.coarseResolutionNs() + " ns) is no HZ clocksim models; hz: 250 assumed");
        }
        String current = facts.clocksources().current();
        String clocksource = current;
        if (!MODELLED_CLOCKSOURCES.contains(current) && !(kvmGuest && current.equals(KVM_CLOCK))) {
            clocksource = "tsc";
            notes.add("current clocksource " + current + " is not modelled; tsc assumed");
        }
        boolean platformTimer = facts.clocksources().has("hpet") || facts.clocksources().has("acpi_pm");
        // the best-rated other clocksource: kvm-clock (299 or 400) beats hpet (250) and acpi_pm (200)
        String fallback = kvmGuest ? KVM_CLOCK : facts.clocksources().has("hpet") ? "hpet"
                : facts.clocksources().has("acpi_pm") ? "acpi_pm" : "hpet";
        if (!platformTimer) {
            notes.add("the host has neither hpet nor acpi_pm (available: " + String.join(" ", facts.clocksources().available())
                    + "); the model's fallback and watchdog is " + fallback);
        }
        double ntp = probe.ntp() == null ? 0 : probe.ntp().frequencyPpm();
        if (Math.abs(ntp) > MAX_NTP_PPM) {
            notes.add(String.format(Locale.ROOT, "NTP frequency %.3f ppm is beyond clocksim's ±500 ppm: clamped", ntp));
            ntp = Math.copySign(MAX_NTP_PPM, ntp);
        }
        Map<SourceId, LatencyFit> latencies = new LinkedHashMap<>();
        for (ProbeMeasurements.SourceLatency latency : probe.latency()) {
            SourceId.byId(latency.source()).ifPresentOrElse(
                    id -> latencies.put(id, LatencyFitter.fit(latency.percentiles())),
                    () -> notes.add("probe source " + latency.source() + " is not a clocksim source: left out"));
        }
        double rate = probe.naturalMigration() == null ? 0 : probe.naturalMigration().ratePerSecond();
        double gap = probe.forcedMigration() == null || probe.forcedMigration().moves() == 0 ? 0 : probe.forcedMigration().p50Ns();
        int sockets = Math.max(1, facts.topology().sockets());
        return new HostProfile(hostname, facts.kernel().release(), version, facts.cpu().model(), sockets,
                facts.topology().cpus().isEmpty() ? Math.max(1, facts.cpu().logicalCpus()) : facts.topology().cpusPerSocket(),
                probe.tscGhzMeasured(), facts.cpu().invariantTsc(), facts.cpu().has("tsc_adjust"), kvmGuest, hz,
                clocksource,
                fallback, VsyscallMapping.parse(probe.vsyscallMapping() == null ? "" : probe.vsyscallMapping()), ntp,
                SocketOffsets.cycles(facts.topology().cpusBySocket(), probe.warp()), rate, gap, latencies, notes);
    }

    public List<SourceId> sources() {
        return List.copyOf(latencies.keySet());
    }
}
