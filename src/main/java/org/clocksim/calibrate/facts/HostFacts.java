package org.clocksim.calibrate.facts;

/** Everything calibrate reads from the system's files (the probe measures the rest). */
public record HostFacts(KernelRelease kernel, CpuInfo cpu, CpuTopology topology, Clocksources clocksources,
                        Mitigations mitigations) {
    public static HostFacts read(SystemFiles files) {
        return new HostFacts(KernelRelease.read(files), CpuInfo.read(files), CpuTopology.read(files),
                Clocksources.read(files), Mitigations.read(files));
    }
}
