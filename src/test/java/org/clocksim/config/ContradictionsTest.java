package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What cannot take effect, or contradicts itself, is refused by validate with the key and the reason. */
class ContradictionsTest {

    @Test
    void aTscWriteAfterTheEndOfTheRunIsRefused() {
        assertThat(errors("""
                duration: 200ms
                machine:
                  events: [{at: 100ms, core: 1, tscWrite: 5us}, {at: 300ms, core: 1, tscWrite: 5us}]
                """)).containsExactly("x.yaml:3: machine.events[1].at: 300ms is not before the end of the run "
                + "(duration 200ms), so it would never take effect");
    }

    @Test
    void aChangeAtTheVeryEndIsRefusedToo() {
        assertThat(errors("duration: 1s\nkernel: {ntp: {changes: [{at: 1s, frequency: 10ppm}]}}\n"))
                .containsExactly("x.yaml:2: kernel.ntp.changes[0].at: 1s is not before the end of the run "
                        + "(duration 1s), so it would never take effect");
    }

    @Test
    void aPstateChangeAfterTheEndIsRefused() {
        assertThat(errors("""
                duration: 10ms
                machine:
                  tsc: {invariant: false, pstates: [{at: 20ms, socket: 0, frequency: 1.2GHz}]}
                """)).singleElement().asString().startsWith("x.yaml:3: machine.tsc.pstates[0].at: 20ms is not before");
    }

    @Test
    void shorteningTheRunWithSetNamesTheChangeItStrands() {
        assertThat(errors("duration: 1s\nmachine: {events: [{at: 500ms, core: 0, tscWrite: 1us}]}\n", "duration=100ms"))
                .singleElement().asString().contains("machine.events[0].at: 500ms is not before the end");
        assertThat(load("duration: 1s\nmachine: {events: [{at: 500ms, core: 0, tscWrite: 1us}]}\n").machine().events())
                .hasSize(1);
    }

    @Test
    void tscReliableContradictsTheWatchdogAndTheSyncCheck() {
        assertThat(errors("duration: 1s\nkernel: {tsc: reliable, watchdog: on, tscSyncCheck: true}\n")).containsExactly(
                "x.yaml:2: kernel.tscSyncCheck: contradicts kernel.tsc: reliable (tsc=reliable skips the boot sync "
                        + "check); set one of them only",
                "x.yaml:2: kernel.watchdog: contradicts kernel.tsc: reliable (tsc=reliable turns the clocksource "
                        + "watchdog off for the TSC); set one of them only");
        assertThat(load("duration: 1s\nkernel: {tsc: reliable, watchdog: off}\n").kernel().tscReliable()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"'machine: {tsc: {frequency: 1Hz}}', machine.tsc.frequency",
            "'machine: {hpet: {frequency: 1kHz}}', machine.hpet.frequency",
            "'machine: {acpiPm: {frequency: 200GHz}}', machine.acpiPm.frequency"})
    void aCounterFrequencyOutsideWhatHardwareHasIsRefused(String yaml, String key) {
        assertThat(errors("duration: 1s\n" + yaml + "\n")).singleElement().asString()
                .contains(key + ": expected a counter frequency in [1MHz, 100GHz]");
    }

    @Test
    void aListIndexTooLargeForAnIntegerIsOutOfRangeNotANumberFormat() {
        assertThat(errors("duration: 1s\nmachine: {sockets: 2}\n", "machine.tsc.socketOffset[99999999999]=1us"))
                .containsExactly("--set machine.tsc.socketOffset[99999999999]=1us: machine.tsc.socketOffset[99999999999]: "
                        + "index out of range: [99999999999] is larger than any list");
    }

    @Test
    void expectationsTheRunCanProduceStillValidate() {
        assertThat(Configs.load("""
                duration: 1ms
                workload: {threads: 2, pattern: lock-handoff, sources: [rdtscp, getcpu]}
                expect:
                  rdtscp: {crossThread.backwardEvents: 0, cpuChangesSeen: ">= 0", windows64.failing: 0}
                  getcpu: {staleCpu: ">= 0", latencyNs.p50: "> 0"}
                """).name()).isEqualTo("x");
    }
}
