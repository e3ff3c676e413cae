package org.clocksim.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void eachMetricIsDefinedOnce() {
        assertThat(Metrics.sourceNames()).doesNotHaveDuplicates();
        assertThat(Metrics.sweptNames()).doesNotHaveDuplicates();
        assertThat(Metrics.names(Metrics.KERNEL)).doesNotHaveDuplicates();
    }

    @Test
    void theSweptMetricsKeepTheNamesSweepCsvHas() {
        assertThat(Metrics.sweptNames()).containsExactly("reads", "backwardEvents", "backwardPerMillion",
                "maxBackwardNs", "latencyP50Ns", "latencyP99Ns", "errorMaxAbsNs", "crossThreadBackwardPerMillion",
                "crossThreadMaxBackwardNs");
        assertThat(Metrics.SWEPT).allSatisfy(m -> assertThat(Metrics.SOURCE).contains(m));
        assertThat(Metrics.SWEPT).allSatisfy(m -> assertThat(m.title()).isNotBlank());
    }

    @Test
    void aSweptMetricIsTheSameFigureAsTheExpectationOfItsPath() {
        assertThat(List.of(Metrics.LATENCY_P50.name(), Metrics.ERROR_MAX_ABS.name(), Metrics.CROSS_MAX_BACKWARD.name()))
                .containsExactly("latencyNs.p50", "errorNs.maxAbs", "crossThread.maxBackwardNs");
    }
}
