package org.clocksim.calibrate.facts;

import java.util.List;

/**
 * The kernel's clocksources: {@code current_clocksource} and {@code available_clocksource} of
 * {@code /sys/devices/system/clocksource/clocksource0/}.
 */
public record Clocksources(String current, List<String> available) {
    public static final String DIR = "/sys/devices/system/clocksource/clocksource0/";

    public Clocksources {
        available = List.copyOf(available);
    }

    public boolean has(String clocksource) {
        return available.contains(clocksource) || current.equals(clocksource);
    }

    public static Clocksources read(SystemFiles files) {
        String current = files.read(DIR + "current_clocksource").orElse("unknown");
        String available = files.read(DIR + "available_clocksource").orElse("");
        return new Clocksources(current, available.isBlank() ? List.of() : List.of(available.split("\\s+")));
    }
}
