package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {

    @ParameterizedTest
    @CsvSource({"200ms, 200000000000", "3us, 3000000", "3µs, 3000000", "3μs, 3000000", "1s, 1000000000000",
            "12.6ns, 12600", "7ps, 7", "0.0004ns, 0", "0.0005ns, 1", "0, 0", "'2 ms', 2000000000", ".5ns, 500"})
    void parsesDurationsToPicoseconds(String text, long ps) {
        assertThat(Units.parseDurationPs(text)).isEqualTo(ps);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200", "200 parsecs", "ms", "1.2.3ns", "5 ns ago", "1e3ns", ""})
    void rejectsDurationsWithoutAKnownUnit(String text) {
        assertThatThrownBy(() -> Units.parseDurationPs(text))
                .hasMessage("expected a duration such as 200ms, 3us, 1s; got '" + text + "'");
    }

    @Test
    void rejectsNegativeAndHugeDurations() {
        assertThatThrownBy(() -> Units.parseDurationPs("-5ns")).hasMessage("expected a duration >= 0, got '-5ns'");
        assertThatThrownBy(() -> Units.parseDurationPs("99999999999s")).hasMessageContaining("too large");
    }

    @Test
    void parsesOffsetsWithSignOrInCyclesAtTheNominalFrequency() {
        assertThat(Units.parseOffsetPs("-2us", 2.4e9)).isEqualTo(-2_000_000);
        assertThat(Units.parseOffsetPs("+5ns", 2.4e9)).isEqualTo(5_000);
        assertThat(Units.parseOffsetPs("5000cycles", 2.4e9)).isEqualTo(2_083_333); // 5000 / 2.4 GHz = 2083.33 ns
        assertThat(Units.parseOffsetPs("-1cycle", 1e9)).isEqualTo(-1_000);
        assertThatThrownBy(() -> Units.parseOffsetPs("5000", 2.4e9))
                .hasMessage("expected an offset such as 2us, -500ns, 5000cycles; got '5000'");
    }

    @Test
    void parsesFrequenciesPpmAndRates() {
        assertThat(Units.parseFrequencyHz("2.4GHz")).isEqualTo(2.4e9);
        assertThat(Units.parseFrequencyHz("100MHz")).isEqualTo(1e8);
        assertThat(Units.parseFrequencyHz("32.768kHz")).isEqualTo(32_768);
        assertThat(Units.parsePpm("30ppm")).isEqualTo(30);
        assertThat(Units.parsePpm("-12.5ppm")).isEqualTo(-12.5);
        assertThat(Units.parsePpm("-0ppm")).isEqualTo(0.0); // positive zero: records compare doubles bitwise
        assertThat(Units.parseRatePerSecond("2000/s")).isEqualTo(2000);
        assertThat(Units.parseRatePerSecond("2/ms")).isEqualTo(2000);
        assertThat(Units.parseRatePerSecond("5/us")).isEqualTo(5e6);
    }

    @Test
    void rejectsBadFrequenciesPpmAndRatesSayingWhatIsExpected() {
        assertThatThrownBy(() -> Units.parseFrequencyHz("2.4")).hasMessage(
                "expected a frequency such as 2.4GHz, 100MHz; got '2.4'");
        assertThatThrownBy(() -> Units.parseFrequencyHz("0GHz")).hasMessage("expected a frequency > 0, got '0GHz'");
        assertThatThrownBy(() -> Units.parsePpm("0")).hasMessage(
                "expected parts per million such as 30ppm, -12.5ppm; got '0'");
        assertThatThrownBy(() -> Units.parseRatePerSecond("2000")).hasMessage(
                "expected a rate such as 2000/s, 2/ms, 5/us; got '2000'");
        assertThatThrownBy(() -> Units.parseRatePerSecond("0/s")).hasMessage("expected a rate > 0, got '0/s'");
        String huge = "9".repeat(400);
        assertThatThrownBy(() -> Units.parseFrequencyHz(huge + "GHz")).hasMessageStartingWith("value too large");
        assertThatThrownBy(() -> Units.parsePpm(huge + "ppm")).hasMessageStartingWith("value too large");
        assertThatThrownBy(() -> Units.parseRatePerSecond(huge + "/s")).hasMessageStartingWith("value too large");
    }

    @ParameterizedTest
    @CsvSource({"2000000, 2us", "12600, 12.6ns", "200000000000, 200ms", "2083333, 2083333ps", "0, 0ns",
            "-500000, -500ns", "1000000000000, 1s", "1250000, 1.25us", "7, 7ps", "1, 1ps", "3600000000000000, 3600s"})
    void formatsDurationsInTheLargestUnitWithAtMostTwoDecimals(long ps, String text) {
        assertThat(Units.formatDuration(ps)).isEqualTo(text);
    }

    @Test
    void formatsFrequenciesPpmAndRatesCanonically() {
        assertThat(Units.formatFrequency(2.4e9)).isEqualTo("2.4GHz");
        assertThat(Units.formatFrequency(14_318_180)).isEqualTo("14318.18kHz");
        assertThat(Units.formatFrequency(0.5)).isEqualTo("0.5Hz");
        assertThat(Units.formatPpm(30)).isEqualTo("30ppm");
        assertThat(Units.formatPpm(-12.5)).isEqualTo("-12.5ppm");
        assertThat(Units.formatPpm(1e-7)).isEqualTo("0.0000001ppm");
        assertThat(Units.formatRate(2000)).isEqualTo("2000/s");
        assertThat(Units.formatRate(5e6)).isEqualTo("5000000/s");
    }

    // ---------------------------------------------------------------- property-style round trips

    private static final int CASES = 500;

    static Stream<Long> randomPicoseconds() {
        SplittableRandom random = new SplittableRandom(20240611);
        return IntStream.range(0, CASES).mapToObj(i -> switch (i % 4) {
            case 0 -> random.nextLong(0, 1_000_000);                     // sub-microsecond
            case 1 -> random.nextLong(0, Long.MAX_VALUE);                // anything
            case 2 -> random.nextLong(1, 1_000) * pow10(random.nextInt(0, 16)); // round numbers
            default -> random.nextLong(0, 100_000) * 100;                // 0.1 ns steps
        });
    }

    static Stream<Double> randomDoubles() {
        SplittableRandom random = new SplittableRandom(42);
        return IntStream.range(0, CASES).mapToObj(i -> switch (i % 3) {
            case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(-9, 13));
            case 1 -> random.nextInt(1, 10_000) / 10.0 * Math.pow(10, random.nextInt(0, 10));
            default -> Double.longBitsToDouble(random.nextLong(Double.doubleToLongBits(1e-12),
                    Double.doubleToLongBits(1e15)));
        });
    }

    @ParameterizedTest
    @MethodSource("randomPicoseconds")
    void durationFormatThenParseGivesTheSameValue(long ps) {
        assertThat(Units.parseDurationPs(Units.formatDuration(ps))).isEqualTo(ps);
        assertThat(Units.parseOffsetPs(Units.formatDuration(-ps), 2.4e9)).isEqualTo(-ps);
    }

    @ParameterizedTest
    @MethodSource("randomDoubles")
    void doubleFormatThenParseGivesTheSameValue(double x) {
        assertThat(Units.parseFrequencyHz(Units.formatFrequency(x))).isEqualTo(x);
        assertThat(Units.parseRatePerSecond(Units.formatRate(x))).isEqualTo(x);
        assertThat(Units.parsePpm(Units.formatPpm(x))).isEqualTo(x);
        assertThat(Units.parsePpm(Units.formatPpm(-x))).isEqualTo(-x);
        assertThat(Double.parseDouble(Units.formatNumber(x))).isEqualTo(x);
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
