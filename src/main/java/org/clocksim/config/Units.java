package org.clocksim.config;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the units of config values: durations and offsets (to picoseconds),
 * frequencies (Hz), ppm, rates (per second).
 *
 * <p>Parsers throw {@link IllegalArgumentException} whose message is fit for the user ("expected a
 * duration such as 200ms, 3us, 1s; got '200 parsecs'"). A bare number is an error, except
 * {@code 0} for durations and offsets. Decimal arithmetic is done in {@link BigDecimal}, so
 * {@code 2.4GHz} is exactly 2.4e9 Hz and formats back as {@code 2.4GHz}.
 *
 * <p>Formatters give canonical strings that parse back to the same value: a duration in the
 * largest unit in which it is at least 1 and needs at most two decimals ({@code 2us}, {@code
 * 12.6ns}, {@code 200ms}, {@code 2083333ps}); zero is {@code 0ns}. A frequency likewise ({@code
 * 2.4GHz}); ppm always in ppm, rates always per second ({@code 2000/s}).
 */
public final class Units {

    private record Unit(String symbol, int exponent) {
    }

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?|\\.\\d+)";
    private static final Pattern DURATION =
            Pattern.compile("([+-]?)" + NUMBER + "\\s*(ps|ns|us|µs|μs|ms|s)");
    private static final Pattern CYCLES = Pattern.compile("([+-]?)" + NUMBER + "\\s*cycles?");
    private static final Pattern FREQUENCY = Pattern.compile(NUMBER + "\\s*(Hz|kHz|MHz|GHz)");
    private static final Pattern PPM = Pattern.compile("([+-]?)" + NUMBER + "\\s*ppm");
    private static final Pattern RATE = Pattern.compile(NUMBER + "\\s*/\\s*(s|ms|us|µs|μs)");

    /** The accepted spellings as regular expressions of the JSON Schema (ECMA 262), from the patterns above. */
    static final String DURATION_SYNTAX = "^\\s*(0|" + DURATION.pattern() + ")\\s*$";
    static final String OFFSET_SYNTAX = "^\\s*(0|" + DURATION.pattern() + "|" + CYCLES.pattern() + ")\\s*$";
    static final String FREQUENCY_SYNTAX = "^\\s*" + FREQUENCY.pattern() + "\\s*$";
    static final String PPM_SYNTAX = "^\\s*" + PPM.pattern() + "\\s*$";
    static final String RATE_SYNTAX = "^\\s*" + RATE.pattern() + "\\s*$";

    /** Largest first; exponent is the power of ten of picoseconds in one unit. */
    private static final List<Unit> DURATION_UNITS = List.of(
            new Unit("s", 12), new Unit("ms", 9), new Unit("us", 6), new Unit("ns", 3), new Unit("ps", 0));
    private static final List<Unit> FREQUENCY_UNITS = List.of(
            new Unit("GHz", 9), new Unit("MHz", 6), new Unit("kHz", 3), new Unit("Hz", 0));
    private static final int MAX_DECIMALS = 2;
    private static final BigDecimal PS_PER_SECOND = BigDecimal.ONE.scaleByPowerOfTen(12);
    /**
     * The longest duration a config may give (checked by the config reader): 7 days. True time is a
     * {@code long} of picoseconds (106 days), so a run's end plus any interval, latency or think time,
     * and the simulated time of all passes together (11 sources), stay far from overflowing.
     */
    public static final long MAX_DURATION_PS = 7L * 86_400 * 1_000_000_000_000L;

    private Units() {
    }

    // ---------------------------------------------------------------- parsing

    /** A duration ({@code 200ms}, {@code 12.6ns}, {@code 0}) in picoseconds, rounded to the nearest; >= 0. */
    public static long parseDurationPs(String text) {
        String expected = "expected a duration such as 200ms, 3us, 1s; got '" + text + "'";
        long ps = parseSignedDuration(text, expected);
        if (ps < 0) {
            throw new IllegalArgumentException("expected a duration >= 0, got '" + text + "'");
        }
        return ps;
    }

    /**
     * An offset in picoseconds, may be negative: a signed duration ({@code -2us}) or a count of
     * cycles ({@code 5000cycles}) converted at the given nominal counter frequency.
     */
    public static long parseOffsetPs(String text, double frequencyHz) {
        String expected = "expected an offset such as 2us, -500ns, 5000cycles; got '" + text + "'";
        Matcher cycles = CYCLES.matcher(text.strip());
        if (cycles.matches()) {
            BigDecimal count = signed(cycles.group(1), cycles.group(2));
            return toLongPs(count.multiply(PS_PER_SECOND)
                    .divide(BigDecimal.valueOf(frequencyHz), 0, RoundingMode.HALF_UP), expected);
        }
        return parseSignedDuration(text, expected);
    }

    /** A frequency ({@code 2.4GHz}) in Hz; > 0. */
    public static double parseFrequencyHz(String text) {
        Matcher m = match(FREQUENCY, text, "expected a frequency such as 2.4GHz, 100MHz; got '" + text + "'");
        BigDecimal hz = new BigDecimal(m.group(1)).scaleByPowerOfTen(unit(FREQUENCY_UNITS, m.group(2)).exponent());
        if (hz.signum() <= 0) {
            throw new IllegalArgumentException("expected a frequency > 0, got '" + text + "'");
        }
        return finite(hz, text);
    }

    /** Parts per million ({@code 30ppm}, {@code -12.5ppm}); may be negative. */
    public static double parsePpm(String text) {
        Matcher m = match(PPM, text, "expected parts per million such as 30ppm, -12.5ppm; got '" + text + "'");
        return finite(signed(m.group(1), m.group(2)), text) + 0.0; // + 0.0 turns -0.0 into 0.0
    }

    /** A rate ({@code 2000/s}, {@code 2/ms}, {@code 5/us}) in events per second; > 0. */
    public static double parseRatePerSecond(String text) {
        Matcher m = match(RATE, text, "expected a rate such as 2000/s, 2/ms, 5/us; got '" + text + "'");
        int secondsExponent = 12 - unit(DURATION_UNITS, micro(m.group(2))).exponent();
        BigDecimal perSecond = new BigDecimal(m.group(1)).scaleByPowerOfTen(secondsExponent);
        if (perSecond.signum() <= 0) {
            throw new IllegalArgumentException("expected a rate > 0, got '" + text + "'");
        }
        return finite(perSecond, text);
    }

    private static long parseSignedDuration(String text, String expected) {
        if (text.strip().equals("0")) {
            return 0;
        }
        Matcher m = match(DURATION, text, expected);
        BigDecimal ps = signed(m.group(1), m.group(2))
                .scaleByPowerOfTen(unit(DURATION_UNITS, micro(m.group(3))).exponent());
        return toLongPs(ps.setScale(0, RoundingMode.HALF_UP), expected);
    }

    private static double finite(BigDecimal value, String text) {
        double result = value.doubleValue();
        if (Double.isInfinite(result)) {
            throw new IllegalArgumentException("value too large: '" + text + "'");
        }
        return result;
    }

    private static Matcher match(Pattern pattern, String text, String expected) {
        Matcher m = pattern.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException(expected);
        }
        return m;
    }

    private static BigDecimal signed(String sign, String number) {
        BigDecimal value = new BigDecimal(number);
        return sign.equals("-") ? value.negate() : value;
    }

    private static String micro(String symbol) {
        return symbol.equals("µs") || symbol.equals("μs") ? "us" : symbol;
    }

    private static Unit unit(List<Unit> units, String symbol) {
        return units.stream().filter(u -> u.symbol().equals(symbol)).findFirst().orElseThrow();
    }

    private static long toLongPs(BigDecimal ps, String expected) {
        try {
            return ps.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(expected.replaceFirst("; got", " (too large); got"), e);
        }
    }

    // ---------------------------------------------------------------- formatting

    /** Canonical duration or offset: {@code 2us}, {@code 12.6ns}, {@code -500ns}, {@code 0ns}. */
    public static String formatDuration(long ps) {
        if (ps == 0) {
            return "0ns";
        }
        return inLargestUnit(BigDecimal.valueOf(ps), DURATION_UNITS);
    }

    /** Canonical frequency: {@code 2.4GHz}, {@code 100MHz}. */
    public static String formatFrequency(double hz) {
        return inLargestUnit(decimal(hz), FREQUENCY_UNITS);
    }

    /** Canonical ppm: {@code 30ppm}, {@code -12.5ppm}. */
    public static String formatPpm(double ppm) {
        return plain(decimal(ppm)) + "ppm";
    }

    /** Canonical rate, per second: {@code 2000/s}. */
    public static String formatRate(double perSecond) {
        return plain(decimal(perSecond)) + "/s";
    }

    /** A plain decimal without exponent or trailing zeros ({@code 0.0001}), which parses back exactly. */
    static String formatNumber(double value) {
        return plain(decimal(value));
    }

    private static String inLargestUnit(BigDecimal base, List<Unit> units) {
        for (Unit unit : units) {
            BigDecimal scaled = base.scaleByPowerOfTen(-unit.exponent()).stripTrailingZeros();
            if (scaled.abs().compareTo(BigDecimal.ONE) >= 0 && scaled.scale() <= MAX_DECIMALS) {
                return plain(scaled) + unit.symbol();
            }
        }
        Unit smallest = units.get(units.size() - 1);
        return plain(base) + smallest.symbol();
    }

    /** The shortest decimal that reads back as this double. */
    private static BigDecimal decimal(double value) {
        return ShortestDecimal.of(value);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.signum() == 0 ? BigDecimal.ZERO : stripped).toPlainString();
    }
}
