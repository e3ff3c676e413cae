package org.clocksim.calibrate.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * What {@code /proc/cpuinfo} says of the first CPU: model name, flags, the clock in MHz; and how
 * many logical CPUs it lists.
 *
 * @param flags every flag of the first CPU (the TSC-related ones have accessors)
 * @param mhz   the "cpu MHz" line (the core clock; on machines with an invariant TSC often the TSC's)
 */
public record CpuInfo(String model, Set<String> flags, OptionalDouble mhz, int logicalCpus) {
    public static final String PATH = "/proc/cpuinfo";

    /** The flags calibrate reports: they decide how the kernel treats the TSC (KERNEL-FACTS.md §1, §4). */
    public static final List<String> TSC_FLAGS =
            List.of("constant_tsc", "nonstop_tsc", "tsc_adjust", "tsc_known_freq", "rdtscp", "hypervisor");

    public CpuInfo {
        flags = Set.copyOf(flags);
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }

    /** constant_tsc and nonstop_tsc: the TSC ticks at one rate in every P- and C-state. */
    public boolean invariantTsc() {
        return has("constant_tsc") && has("nonstop_tsc");
    }

    public boolean virtualMachine() {
        return has("hypervisor");
    }

    public static CpuInfo read(SystemFiles files) {
        return parse(files.read(PATH).orElse(""));
    }

    static CpuInfo parse(String text) {
        String model = null;
        Set<String> flags = null;
        Double mhz = null;
        int cpus = 0;
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "processor" -> cpus++;
                case "model name" -> model = model != null ? model : value;
                case "flags" -> flags = flags != null ? flags : words(value);
                case "cpu MHz" -> mhz = mhz != null ? mhz : parseDouble(value).orElse(null);
                default -> { }
            }
        }
        return new CpuInfo(model == null ? "unknown" : model, flags == null ? Set.of() : flags,
                mhz == null ? OptionalDouble.empty() : OptionalDouble.of(mhz), cpus);
    }

    private static Set<String> words(String value) {
        return new TreeSet<>(new ArrayList<>(List.of(value.split("\\s+"))));
    }

    private static Optional<Double> parseDouble(String value) {
        try {
            return Optional.of(Double.parseDouble(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
