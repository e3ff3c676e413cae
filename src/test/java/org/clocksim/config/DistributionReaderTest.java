package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import org.clocksim.engine.Distribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Distributions as written in configs, read through workload.thinkTime. */
class DistributionReaderTest {

    private static Distribution thinkTime(String value) {
        return load("duration: 1s\nworkload:\n  thinkTime: " + value + "\n").workload().thinkTime();
    }

    private static java.util.List<String> thinkTimeErrors(String value) {
        return errors("duration: 1s\nworkload:\n  thinkTime: " + value + "\n");
    }

    @Test
    void aScalarDurationIsFixed() {
        assertThat(thinkTime("5us")).isEqualTo(new Distribution.Fixed(5_000_000));
    }

    @Test
    void eachTypeWithItsParameters() {
        assertThat(thinkTime("{type: fixed, value: 5us}")).isEqualTo(new Distribution.Fixed(5_000_000));
        assertThat(thinkTime("{type: exponential, mean: 1us}")).isEqualTo(new Distribution.Exponential(1_000_000));
        assertThat(thinkTime("{type: uniform, min: 1us, max: 3us}"))
                .isEqualTo(new Distribution.Uniform(1_000_000, 3_000_000));
        assertThat(thinkTime("{type: lognormal, median: 12.6ns, sigma: 0.1}"))
                .isEqualTo(new Distribution.LogNormal(12_600, 0.1));
    }

    @Test
    void aTailWrapsAnyType() {
        assertThat(thinkTime("{type: exponential, mean: 1us, tailProbability: 0.001, tailMean: 20us}"))
                .isEqualTo(new Distribution.WithTail(new Distribution.Exponential(1_000_000), 0.001, 20_000_000));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{type: gamma, mean: 1us}|workload.thinkTime.type: unknown distribution type 'gamma'; "
                + "expected one of fixed, exponential, uniform, lognormal",
        "{mean: 1us}|workload.thinkTime.type: required; expected one of fixed, exponential, uniform, lognormal",
        "{type: uniform, min: 3us, max: 1us}|workload.thinkTime.max: expected max >= min (3us), got '1us'",
        "{type: lognormal, median: 1ns, sigma: -1}|workload.thinkTime.sigma: expected a number >= 0, got '-1'",
        "{type: lognormal, median: 1ns, sigma: wide}|workload.thinkTime.sigma: "
                + "expected a number such as 0.1, got 'wide'",
        "{type: fixed, value: 1us, tailProbability: 2, tailMean: 1us}|workload.thinkTime.tailProbability: "
                + "expected a number in [0, 1], got '2'",
        "[1us]|workload.thinkTime: expected a duration, or a distribution such as "
                + "{type: exponential, mean: 1us} (a mapping of keys to values), got a list",
        "7|workload.thinkTime: expected a duration such as 200ms, 3us, 1s; got '7'"})
    void badDistributionsSayWhatIsExpected(String value, String error) {
        assertThat(thinkTimeErrors(value)).containsExactly("x.yaml:3: " + error);
    }

    @Test
    void missingParametersAreEachReported() {
        assertThat(thinkTimeErrors("{type: uniform}")).containsExactly(
                "x.yaml:3: workload.thinkTime.min: required; expected a duration such as 200ms, 3us, 1s",
                "x.yaml:3: workload.thinkTime.max: required; expected a duration such as 200ms, 3us, 1s");
    }

    @Test
    void aMisspeltParameterIsSuggestedAndTheMissingOneReported() {
        assertThat(thinkTimeErrors("{type: exponential, median: 1us}")).containsExactly(
                "x.yaml:3: workload.thinkTime.median: unknown key; did you mean 'mean'?",
                "x.yaml:3: workload.thinkTime.mean: required; expected a duration such as 200ms, 3us, 1s");
        assertThat(thinkTimeErrors("{type: normal, mean: 1us}")).containsExactly(
                "x.yaml:3: workload.thinkTime.type: unknown distribution type 'normal'; "
                        + "expected one of fixed, exponential, uniform, lognormal; did you mean 'lognormal'?");
    }

    @Test
    void aTailNeedsBothItsKeys() {
        assertThat(thinkTimeErrors("{type: fixed, value: 1us, tailMean: 1us}")).containsExactly(
                "x.yaml:3: workload.thinkTime.tailProbability: required; expected a number in [0, 1] "
                        + "together with tailMean");
    }
}
