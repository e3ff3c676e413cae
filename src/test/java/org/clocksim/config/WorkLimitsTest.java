package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.clocksim.config.WorkEstimate.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkLimitsTest {
    @ParameterizedTest
    @CsvSource({"memory=8GB, 8e9", "memory=512MB, 5.12e8", "memory=1GiB, 1073741824", "memory=3000, 3000",
            "memory=1.5TB, 1.5e12"})
    void memoryTakesSizesInDecimalAndBinaryUnits(String assignment, double bytes) {
        assertThat(WorkLimits.DEFAULT.with(assignment).of(Resource.MEMORY)).isEqualTo(bytes);
    }

    @Test
    void countsTakeNumbersAndNoneRemovesALimit() {
        WorkLimits limits = WorkLimits.DEFAULT.with(java.util.List.of("events=5e9", "reads=none"));
        assertThat(limits.of(Resource.EVENTS)).isEqualTo(5e9);
        assertThat(limits.of(Resource.READS)).isInfinite();
        assertThat(limits.of(Resource.WAKEUPS)).isEqualTo(WorkLimits.DEFAULT_WAKEUPS);
    }

    @Test
    void aCountWithAUnitOrAZeroLimitIsRefused() {
        assertThatThrownBy(() -> WorkLimits.DEFAULT.with("events=5GB"))
                .hasMessageContaining("events: expected a number");
        assertThatThrownBy(() -> WorkLimits.DEFAULT.with("reads=0")).hasMessageContaining("> 0");
        assertThatThrownBy(() -> WorkLimits.DEFAULT.with("reads")).hasMessageContaining("expected KEY=VALUE");
    }

    @Test
    void amountsReadAsInTheMessages() {
        assertThat(Amounts.count(2e10)).isEqualTo("2e10");
        assertThat(Amounts.count(1.63e12)).isEqualTo("1.6e12");
        assertThat(Amounts.count(999_999)).isEqualTo("999999");
        assertThat(Amounts.bytes(8.08e9)).isEqualTo("8.08 GB");
        assertThat(Amounts.bytes(2e9)).isEqualTo("2 GB");
        assertThat(Amounts.bytes(512e6)).isEqualTo("512 MB");
    }
}
