package org.clocksim.engine;

/**
 * True time's unit is the picosecond (a {@code long} covers 106 days): every conversion to and from it,
 * defined once. A clock's readings are in units of their own (cycles, ns, µs), never these.
 */
public final class TimeUnits {
    public static final long PS_PER_NS = 1_000L;
    public static final long PS_PER_US = 1_000_000L;
    public static final long PS_PER_MS = 1_000_000_000L;
    public static final long PS_PER_S = 1_000_000_000_000L;
    private static final double NS_PER_PS = 1.0 / PS_PER_NS;

    private TimeUnits() {
    }

    /** Picoseconds as (fractional) nanoseconds. */
    public static double ns(long ps) {
        return ps / (double) PS_PER_NS;
    }

    /**
     * Picoseconds as nanoseconds by a multiplication: within an ulp of {@link #ns(long)}, without its division,
     * for arithmetic done per read whose result is never printed finer than a picosecond (docs/PERFORMANCE.md,
     * "Whole calls": a division per read cost a tenth of the mixed benchmark's time).
     */
    public static double nsByProduct(long ps) {
        return ps * NS_PER_PS;
    }

    /** Picoseconds (as a double, e.g. a histogram's mean) as nanoseconds. */
    public static double ns(double ps) {
        return ps / PS_PER_NS;
    }

    /** Picoseconds as (fractional) seconds. */
    public static double seconds(long ps) {
        return ps / (double) PS_PER_S;
    }

    /** Picoseconds (as a double) as seconds. */
    public static double seconds(double ps) {
        return ps / PS_PER_S;
    }
}
