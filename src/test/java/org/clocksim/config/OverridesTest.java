package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import org.clocksim.engine.Distribution;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.experiment.Experiment;
import org.junit.jupiter.api.Test;

class OverridesTest {
    private static final String TWO_SOCKETS = """
            duration: 1s
            machine:
              sockets: 2
              tsc:
                socketOffset: [0ns, 2us]
            """;

    @Test
    void replacesAScalar() {
        assertThat(load(TWO_SOCKETS, "duration=3ms").durationPs()).isEqualTo(3_000_000_000L);
    }

    @Test
    void replacesOneListEntryByIndex() {
        assertThat(load(TWO_SOCKETS, "machine.tsc.socketOffset[1]=5us").machine().tsc().socketOffsetPs())
                .containsExactly(0L, 5_000_000L);
    }

    @Test
    void replacesAWholeListWithAFlowValue() {
        assertThat(load(TWO_SOCKETS, "machine.tsc.socketOffset=[0ns, 0ns]").machine().tsc().socketOffsetPs())
                .containsExactly(0L, 0L);
    }

    @Test
    void createsMissingMappingsOnTheWay() {
        Experiment e = load("duration: 1s\n", "scheduler.migration.policy=poisson", "scheduler.migration.rate=2/ms",
                "workload.thinkTime={type: exponential, mean: 1us}");

        assertThat(e.scheduler().migration().policy()).isEqualTo(MigrationPolicy.POISSON);
        assertThat(e.scheduler().migration().ratePerSecond()).isEqualTo(2000);
        assertThat(e.workload().thinkTime()).isEqualTo(new Distribution.Exponential(1_000_000));
    }

    @Test
    void laterOverridesWinAndAreAppliedBeforeValidation() {
        // sockets: 3 alone would make the 2-entry list wrong; the second override fixes it
        Experiment e = load(TWO_SOCKETS, "machine.sockets=3", "machine.tsc.socketOffset=[0, 1ns, 2ns]",
                "duration=2s", "duration=4s");

        assertThat(e.machine().tsc().socketOffsetPs()).containsExactly(0L, 1_000L, 2_000L);
        assertThat(e.durationPs()).isEqualTo(4_000_000_000_000L);
    }

    @Test
    void anUnknownKeyFromAnOverrideNamesTheOverride() {
        assertThat(errors(TWO_SOCKETS, "machine.tsc.foo=1")).containsExactly("--set machine.tsc.foo=1: "
                + "machine.tsc.foo: unknown key; expected one of frequency, socketOffset, coreOffset, drift, "
                + "socketDrift, wander, wanderInterval, invariant, tscAdjust, pstates, pstateRate, "
                + "pstateFrequencies");
        assertThat(errors(TWO_SOCKETS, "machine.tsc.frequncy=1GHz")).containsExactly(
                "--set machine.tsc.frequncy=1GHz: machine.tsc.frequncy: unknown key; did you mean 'frequency'?");
    }

    @Test
    void aBadValueFromAnOverrideNamesTheOverride() {
        assertThat(errors(TWO_SOCKETS, "machine.tsc.socketOffset[1]=5 parsecs")).containsExactly(
                "--set machine.tsc.socketOffset[1]=5 parsecs: machine.tsc.socketOffset[1]: "
                        + "expected an offset such as 2us, -500ns, 5000cycles; got '5 parsecs'");
    }

    @Test
    void errorsInTheFileAndInOverridesAreAllReportedFileFirst() {
        assertThat(errors("seed: x\nduration: 1s\n", "workload.threads=0", "seed=3")).containsExactly(
                "--set workload.threads=0: workload.threads: expected an integer >= 1, got 0");
        assertThat(errors("seed: x\nduration: 1s\n", "workload.threads=0")).containsExactly(
                "x.yaml:1: seed: expected an integer, got x",
                "--set workload.threads=0: workload.threads: expected an integer >= 1, got 0");
    }

    @Test
    void badOverridesAreReported() {
        assertThat(errors(TWO_SOCKETS, "duration")).containsExactly("--set duration: expected key.path=value");
        assertThat(errors(TWO_SOCKETS, "machine..tsc=1")).containsExactly("--set machine..tsc=1: machine..tsc: "
                + "not a key path; expected keys separated by dots, lists indexed by [n], e.g. "
                + "machine.tsc.socketOffset[1]");
        assertThat(errors(TWO_SOCKETS, "machine.tsc.socketOffset[2]=1us")).containsExactly(
                "--set machine.tsc.socketOffset[2]=1us: machine.tsc.socketOffset[2]: "
                        + "index out of range; machine.tsc.socketOffset has 2 entries");
        assertThat(errors(TWO_SOCKETS, "duration[0]=1s")).containsExactly(
                "--set duration[0]=1s: duration[0]: duration is not a list, so it cannot be indexed");
        assertThat(errors(TWO_SOCKETS, "duration.unit=s")).containsExactly(
                "--set duration.unit=s: duration.unit: duration is 1s, not a mapping, so it has no key 'unit'");
        assertThat(errors(TWO_SOCKETS, "machine.tsc.socketOffset=[0ns")).singleElement().asString()
                .startsWith("--set machine.tsc.socketOffset=[0ns: machine.tsc.socketOffset: malformed YAML: ");
    }
}
