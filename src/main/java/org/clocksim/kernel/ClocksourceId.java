package org.clocksim.kernel;

import java.util.Arrays;
import java.util.Optional;

/** The clocksources the kernel can keep time with, by the names it gives them (/sys/.../current_clocksource). */
public enum ClocksourceId {
    TSC("tsc"),
    HPET("hpet"),
    ACPI_PM("acpi_pm"),
    /** KVM's paravirtual clock (arch/x86/kernel/kvmclock.c): only on a KVM guest. */
    KVM_CLOCK("kvm-clock");

    private final String id;

    ClocksourceId(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<ClocksourceId> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
