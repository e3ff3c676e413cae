package org.clocksim.calibrate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.clocksim.calibrate.facts.SystemFiles;

/**
 * The CPUs of {@code --cpus} split into those the probe can run on and those it cannot, each with
 * why: absent (not among {@code /sys/devices/system/cpu/present}), offline (not among {@code
 * .../online}) or outside this process's affinity ({@code Cpus_allowed_list} of {@code
 * /proc/self/status}: a cpuset or taskset; the probe inherits it). A file that cannot be read
 * excludes nothing. At most {@link #MAX_MEASURED} are measured (the probe's limit; the warp test
 * runs on every pair).
 *
 * @param measured    the CPUs the probe runs on, ascending; the first is the one latencies are measured on
 * @param notMeasured the others, by CPU number, with the reason
 */
public record CpuChoice(List<Integer> measured, Map<Integer, String> notMeasured) {
    public static final int MAX_MEASURED = 64;
    static final String PRESENT = "/sys/devices/system/cpu/present";
    static final String ONLINE = "/sys/devices/system/cpu/online";
    static final String STATUS = "/proc/self/status";
    private static final String ALLOWED = "Cpus_allowed_list:";

    public CpuChoice {
        measured = List.copyOf(measured);
        notMeasured = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notMeasured));
    }

    /** Splits {@code requested} (ascending, distinct) by what {@code files} say of each CPU. */
    public static CpuChoice of(List<Integer> requested, SystemFiles files) {
        Optional<List<Integer>> present = files.read(PRESENT).flatMap(CpuChoice::cpus);
        Optional<List<Integer>> online = files.read(ONLINE).flatMap(CpuChoice::cpus);
        Optional<String> allowedText = files.read(STATUS).flatMap(CpuChoice::allowedList);
        Optional<List<Integer>> allowed = allowedText.flatMap(CpuChoice::cpus);
        List<Integer> measured = new ArrayList<>();
        Map<Integer, String> notMeasured = new LinkedHashMap<>();
        for (int cpu : requested) {
            if (present.isPresent() && !present.get().contains(cpu)) {
                notMeasured.put(cpu, "absent: this machine's CPUs are " + files.read(PRESENT).orElse(""));
            } else if (online.isPresent() && !online.get().contains(cpu)) {
                notMeasured.put(cpu, "offline: the online CPUs are " + files.read(ONLINE).orElse(""));
            } else if (allowed.isPresent() && !allowed.get().contains(cpu)) {
                notMeasured.put(cpu, "outside this process's CPU affinity (Cpus_allowed_list " + allowedText.get() + ")");
            } else if (measured.size() == MAX_MEASURED) {
                notMeasured.put(cpu, "beyond the first " + MAX_MEASURED + " CPUs the probe measures");
            } else {
                measured.add(cpu);
            }
        }
        return new CpuChoice(measured, notMeasured);
    }

    /** The file's CPU list; empty (excluding nothing) when it is none. */
    private static Optional<List<Integer>> cpus(String list) {
        try {
            return Optional.of(CpuList.parse(list));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> allowedList(String status) {
        return status.lines().filter(l -> l.startsWith(ALLOWED)).findFirst()
                .map(l -> l.substring(ALLOWED.length()).strip()).filter(l -> !l.isEmpty());
    }

    /** "3 (offline: …), 999 (absent: …)", or empty when every CPU is measured. */
    public String notMeasuredText() {
        StringBuilder text = new StringBuilder();
        notMeasured.forEach((cpu, why) -> text.append(text.length() == 0 ? "" : "; ").append(cpu).append(" (")
                .append(why).append(')'));
        return text.toString();
    }
}
