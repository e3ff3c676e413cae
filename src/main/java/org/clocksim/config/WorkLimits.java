package org.clocksim.config;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clocksim.config.WorkEstimate.Resource;

/**
 * The most work a config may ask for before validation refuses it ({@code --limit KEY=VALUE}
 * raises one). The defaults let a run finish in minutes on two cores (measured: about 16–25
 * million reads, 3 million events and 300 million thread wake-ups per second per pass) in a heap of
 * 2 GB, or of the JVM's maximum heap when smaller, and are far above what any shipped experiment needs.
 */
public record WorkLimits(Map<Resource, Double> max) {
    public static final double DEFAULT_EVENTS = 5e8;
    public static final double DEFAULT_READS = 2e9;
    public static final double DEFAULT_WAKEUPS = 2e10;
    public static final double DEFAULT_MEMORY_BYTES = 2e9;

    /** The defaults; memory no more than this JVM's maximum heap ({@code -Xmx}) when that is smaller. */
    public static final WorkLimits DEFAULT = new WorkLimits(Map.of(Resource.EVENTS, DEFAULT_EVENTS,
            Resource.READS, DEFAULT_READS, Resource.WAKEUPS, DEFAULT_WAKEUPS,
            Resource.MEMORY, Math.min(DEFAULT_MEMORY_BYTES, (double) Runtime.getRuntime().maxMemory())));
    /** No limit at all: for plans already validated (a sweep directory read back). */
    public static final WorkLimits NONE = new WorkLimits(Map.of());

    private static final String NO_LIMIT = "none";
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z]+)=(.+)");
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?(?:[eE]\\d+)?)\\s*([kMGTP]?i?B)?");

    public WorkLimits {
        Map<Resource, Double> complete = new EnumMap<>(Resource.class);
        for (Resource resource : Resource.values()) {
            complete.put(resource, max.getOrDefault(resource, Double.POSITIVE_INFINITY));
        }
        max = Map.copyOf(complete);
    }

    public double of(Resource resource) {
        return max.get(resource);
    }

    /** These limits with one changed. */
    public WorkLimits with(Resource resource, double limit) {
        Map<Resource, Double> changed = new EnumMap<>(Resource.class);
        changed.putAll(max);
        changed.put(resource, limit);
        return new WorkLimits(changed);
    }

    /**
     * These limits with {@code KEY=VALUE} applied: {@code events=5e9}, {@code reads=1e10},
     * {@code wakeups=1e11}, {@code memory=8GB} (kB, MB, GB, TB; KiB … TiB; bytes without a unit),
     * or {@code KEY=none}.
     *
     * @throws IllegalArgumentException with a message for the user
     */
    public WorkLimits with(String assignment) {
        Matcher m = ASSIGNMENT.matcher(assignment.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected KEY=VALUE with KEY one of " + keys() + ", got '"
                    + assignment + "'");
        }
        Resource resource = Arrays.stream(Resource.values()).filter(r -> r.key().equals(m.group(1))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(DidYouMean.unknown("limit", m.group(1),
                        Arrays.stream(Resource.values()).map(Resource::key).toList())));
        return with(resource, value(resource, m.group(2).strip()));
    }

    /** These limits with every assignment applied in order. */
    public WorkLimits with(List<String> assignments) {
        WorkLimits limits = this;
        for (String assignment : assignments) {
            limits = limits.with(assignment);
        }
        return limits;
    }

    private static double value(Resource resource, String text) {
        if (text.equals(NO_LIMIT)) {
            return Double.POSITIVE_INFINITY;
        }
        Matcher m = SIZE.matcher(text);
        String expected = resource == Resource.MEMORY ? "a size such as 8GB or 512MB, or none"
                : "a number such as 5e9, or none";
        if (!m.matches() || m.group(2) != null && resource != Resource.MEMORY) {
            throw new IllegalArgumentException(resource.key() + ": expected " + expected + ", got '" + text + "'");
        }
        double value = new BigDecimal(m.group(1)).doubleValue() * multiplier(m.group(2));
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(resource.key() + ": expected " + expected + " > 0, got '" + text + "'");
        }
        return value;
    }

    private static double multiplier(String unit) {
        if (unit == null || unit.equals("B")) {
            return 1;
        }
        boolean binary = unit.contains("i");
        int power = "kMGTP".indexOf(unit.charAt(0)) + 1;
        return Math.pow(binary ? 1024 : 1000, power);
    }

    private static String keys() {
        return Arrays.stream(Resource.values()).map(Resource::key).collect(Collectors.joining(", "));
    }

    /** A limit as a message shows it: {@code 1e9 events}, {@code 2 GB}. */
    public String describe(Resource resource) {
        double limit = of(resource);
        if (resource != Resource.MEMORY) {
            return Amounts.count(limit) + " " + resource.unit();
        }
        return Amounts.bytes(limit) + (limit == Runtime.getRuntime().maxMemory() ? " (the JVM's maximum heap, -Xmx)" : "");
    }

    /** How to raise a limit, for a message. */
    static String howToRaise(Resource resource) {
        return "--limit " + resource.key() + "=" + (resource == Resource.MEMORY ? "SIZE" : "N");
    }
}
