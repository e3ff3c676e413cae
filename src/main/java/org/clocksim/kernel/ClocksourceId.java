package org.clocksim.kernel;

import java.util.Arrays;
import java.util.Optional;

/** The clocksources the kernel can keep time with, by the names it gives them (/sys/.../current_clocksource). */
public enum ClocksourceId {
    TSC("tsc"),
    HPET("hpet"),
    ACPI_PM("acpi_pm");

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
