package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepLoaderTest {
    private static final String BASE = """
            duration: 1ms
            machine:
              sockets: 2
              tsc: {socketOffset: [0ns, 0ns]}
            scheduler:
              migration: {policy: poisson, rate: 1000/s}
            """;

    private static SweepPlan parse(String yaml, List<String> parameters) throws ConfigException {
        return SweepLoader.parse(yaml, "s.yaml", List.of(), parameters, null);
    }

    @Test
    void valuesAndRangesExpandToEveryCombinationFirstParameterSlowest() throws ConfigException {
        SweepPlan plan = parse(BASE + """
                replications: 4
                sweep:
                  confidence: 0.9
                  parameters:
                    - {key: "machine.tsc.socketOffset[1]", from: 10ns, to: 10us, steps: 4, scale: log}
                    - {key: scheduler.migration.rate, values: [100/s, 200/s]}
                """, List.of());
        assertThat(plan.parameters().get(0).values()).containsExactly("10ns", "100ns", "1us", "10us");
        assertThat(plan.parameters().get(0).numeric(2)).isEqualTo(1000.0);
        assertThat(plan.parameters().get(1).unit()).isEqualTo("/s");
        assertThat(plan.replications()).isEqualTo(4);
        assertThat(plan.confidence()).isEqualTo(0.9);
        assertThat(plan.points()).hasSize(8);
        SweepPlan.Point third = plan.points().get(2);
        assertThat(third.values()).containsExactly(java.util.Map.entry("machine.tsc.socketOffset[1]", "100ns"),
                java.util.Map.entry("scheduler.migration.rate", "100/s"));
        assertThat(third.experiment().machine().tsc().socketOffsetPs()).containsExactly(0L, 100_000L);
        assertThat(third.experiment().scheduler().migration().ratePerSecond()).isEqualTo(100);
    }

    @Test
    void aParametersLabelIsTheConfigsOrAReadableNameFromTheSchema() throws ConfigException {
        SweepPlan plan = parse(BASE + """
                sweep:
                  parameters:
                    - {key: "machine.tsc.socketOffset[1]", values: [10ns, 1us], label: "socket 1's counter offset"}
                    - {key: scheduler.migration.rate, from: 100/s, to: 200/s, steps: 2}
                """, List.of());
        assertThat(plan.parameters()).extracting(SweepParameter::label).containsExactly("socket 1's counter offset",
                "migrations per second per thread (rate)");
        SweepPlan commandLine = parse(BASE, List.of("workload.handoffLatency=50ns,100ns"));
        assertThat(commandLine.parameters()).extracting(SweepParameter::label)
                .containsExactly("cache-line transfer between lock holders (handoffLatency)");
        assertThat(ConfigSchema.readableName("sources.rdtsc.latency")).endsWith(" (latency)")
                .doesNotContain("sources.");
        assertThat(ConfigSchema.readableName("machine.nothing")).isEqualTo("machine.nothing");
    }

    /** --param replaces a configured parameter's values and keeps its label and threshold (a resumed or regenerated sweep). */
    @Test
    void aCommandLineParameterKeepsTheConfigsLabelAndThresholdForItsKey() throws ConfigException {
        SweepPlan plan = parse(BASE + """
                sweep:
                  parameters:
                    - {key: "machine.tsc.socketOffset[1]", values: [10ns, 1us], label: offset, threshold: 2us}
                """, List.of("machine.tsc.socketOffset[1]=10ns,3us,9us", "scheduler.migration.rate=100/s,200/s"));
        assertThat(plan.parameters()).extracting(SweepParameter::label)
                .containsExactly("offset", "migrations per second per thread (rate)");
        assertThat(plan.parameters().get(0).values()).containsExactly("10ns", "3us", "9us");
        assertThat(plan.parameters().get(0).threshold().numeric()).isEqualTo(2000);
        assertThat(plan.parameters().get(1).threshold()).isNull();
    }

    @Test
    void aThresholdIsAValueInTheParametersUnitsAndAnythingElseIsRefusedAtItsKey() throws ConfigException {
        SweepPlan plan = parse(BASE + """
                sweep:
                  parameters:
                    - {key: "machine.tsc.socketOffset[1]", values: [10ns, 1us], threshold: 2us, thresholdLabel: gap}
                """, List.of());
        assertThat(plan.parameters().get(0).threshold()).isEqualTo(new SweepParameter.Threshold("2us", 2000, "gap"));
        assertThatThrownBy(() -> parse(BASE + """
                sweep:
                  parameters:
                    - {key: "machine.tsc.socketOffset[1]", values: [10ns, 1us], threshold: 100/s}
                """, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("threshold: expected a value in the units of the parameter's values (10ns, 1us …), "
                        + "got '100/s'");
    }

    @Test
    void linearRangesOfRatesAndCommandLineParametersReplaceTheConfigs() throws ConfigException {
        SweepPlan plan = parse(BASE + "sweep:\n  parameters:\n    - {key: workload.threads, values: [1, 2]}\n",
                List.of("scheduler.migration.rate=100/s,300/s", "machine.tsc.socketOffset=[0ns, 1us],[0ns, 2us]"));
        assertThat(plan.parameters()).extracting(SweepParameter::key)
                .containsExactly("scheduler.migration.rate", "machine.tsc.socketOffset");
        assertThat(plan.parameters().get(1).values()).containsExactly("[0ns, 1us]", "[0ns, 2us]");
        assertThat(plan.parameters().get(1).kind()).isNull();
        assertThat(plan.points().get(3).experiment().machine().tsc().socketOffsetPs()).containsExactly(0L, 2_000_000L);
        SweepPlan linear = parse(BASE + "sweep:\n  parameters:\n    - {key: scheduler.migration.rate, from: 100/s, "
                + "to: 400/s, steps: 4}\n", List.of());
        assertThat(linear.parameters().get(0).values()).containsExactly("100/s", "200/s", "300/s", "400/s");
    }

    @Test
    void aBadPointIsReportedWithItsValues() {
        assertThatThrownBy(() -> parse(BASE, List.of("workload.threads=1,0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("workload.threads: expected an integer >= 1, got 0")
                .hasMessageContaining("sweep point {workload.threads=0}");
    }

    @Test
    void malformedSweepsAreErrorsNamingTheKey() {
        assertThatThrownBy(() -> parse(BASE + "sweep:\n  parameters:\n    - {key: a, from: 1us, to: 3/s, steps: 3}\n",
                List.of())).hasMessageContaining("s.yaml:9: sweep.parameters[0].to: from and to must be quantities "
                        + "of the same kind");
        assertThatThrownBy(() -> parse(BASE + "sweep:\n  parameters:\n    - {key: a, from: 0ns, to: 3us, steps: 3, "
                + "scale: log}\n", List.of())).hasMessageContaining("a log scale needs from and to > 0");
        assertThatThrownBy(() -> parse(BASE + "sweep:\n  confidnce: 0.9\n", List.of()))
                .hasMessageContaining("sweep.confidnce: unknown key; did you mean 'confidence'?");
        assertThatThrownBy(() -> parse(BASE, List.of("a=1", "b=1", "c=1")))
                .hasMessageContaining("at most 2 parameters");
        assertThatThrownBy(() -> parse(BASE, List.of("noequals"))).hasMessageContaining("--param noequals")
                .hasMessageContaining("expected KEY=value1,value2");
    }
}
