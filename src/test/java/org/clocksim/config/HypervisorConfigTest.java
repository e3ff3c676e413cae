package org.clocksim.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.config.Configs.errors;
import static org.clocksim.config.Configs.load;

import org.clocksim.experiment.Experiment;
import org.clocksim.hw.kvm.HypervisorKind;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.kernel.ClocksourceId;
import org.junit.jupiter.api.Test;

/** machine.hypervisor: how it reads, its defaults, its errors, and the boot clocksource on a KVM guest. */
class HypervisorConfigTest {

    @Test
    void absentMeansBareMetalAndTsc() {
        Experiment e = load("duration: 1s\n");
        assertThat(e.machine().hypervisor().kind()).isEqualTo(HypervisorKind.NONE);
        assertThat(e.kernel().clocksources().boot()).isEqualTo(ClocksourceId.TSC);
    }

    @Test
    void readsEveryKey() {
        HypervisorSpec h = load("""
                duration: 1s
                machine:
                  coresPerSocket: 2
                  hypervisor:
                    kind: kvm
                    hostCpus: 2
                    hostTscOffsets: [0ns, 2.6us]
                    tscOffsets: [0cycles, 2400cycles]
                    tscScaling: [1, 1.5]
                    steal: { rate: 20/s, duration: 2ms }
                    pvclock: { stableBit: false, masterClock: false, lastValueGuard: false, lastValueTransfer: 50ns,
                               syncPeriod: 1s, masterUpdatePeriod: 10ms }
                    migrations:
                      - { at: 100ms, downtime: 20ms, frequency: 2GHz, scaled: false }
                """).machine().hypervisor();
        assertThat(h.kvm()).isTrue();
        assertThat(h.hostCpus()).isEqualTo(2);
        assertThat(h.hostTscOffsetPs(1)).isEqualTo(2_600_000L);
        assertThat(h.tscOffsetPs(1)).isEqualTo(1_000_000L);
        assertThat(h.tscScaling(1)).isEqualTo(1.5);
        assertThat(h.tscsMatched(2)).isFalse();
        assertThat(h.steal().ratePerSecond()).isEqualTo(20.0);
        assertThat(h.pvclock().stableBit()).isFalse();
        assertThat(h.pvclock().masterClock()).isFalse();
        assertThat(h.pvclock().lastValueGuard()).isFalse();
        assertThat(h.pvclock().lastValueTransferPs()).isEqualTo(50_000L);
        assertThat(h.pvclock().masterUpdatePeriodPs()).isEqualTo(10_000_000_000L);
        assertThat(h.migrations()).singleElement().satisfies(m -> {
            assertThat(m.destinationHz()).isEqualTo(2e9);
            assertThat(m.scaled()).isFalse();
        });
    }

    @Test
    void kvmGuestBootsOnTheBetterRatedClocksource() {
        String guest = "duration: 1s\nmachine: {hypervisor: {kind: kvm}%s}\nkernel: {version: \"%s\"}\n";
        assertThat(load(guest.formatted("", "6.18")).kernel().clocksources().boot()).isEqualTo(ClocksourceId.TSC);
        assertThat(load(guest.formatted("", "4.19")).kernel().clocksources().boot()).isEqualTo(ClocksourceId.KVM_CLOCK);
        assertThat(load(guest.formatted(", tsc: {invariant: false}", "6.18")).kernel().clocksources().boot())
                .isEqualTo(ClocksourceId.KVM_CLOCK);
        assertThat(load("duration: 1s\nmachine: {hypervisor: {kind: kvm, pvclock: {exposed: false}}}\n")
                .kernel().clocksources().boot()).isEqualTo(ClocksourceId.TSC);
    }

    @Test
    void kvmClockNeedsAKvmGuest() {
        assertThat(errors("duration: 1s\nkernel: {clocksource: kvm-clock, fallbackClocksource: kvm-clock}\n"))
                .containsExactly(
                        "x.yaml:2: kernel.clocksource: kvm-clock needs machine.hypervisor.kind: kvm with "
                                + "machine.hypervisor.pvclock.exposed: true",
                        "x.yaml:2: kernel.fallbackClocksource: kvm-clock needs machine.hypervisor.kind: kvm with "
                                + "machine.hypervisor.pvclock.exposed: true");
    }

    @Test
    void perVcpuListsHaveOneEntryPerVcpu() {
        assertThat(errors("""
                duration: 1s
                machine:
                  coresPerSocket: 2
                  hypervisor: { kind: kvm, tscOffsets: [0ns], tscScaling: [1, 1, 1], hostTscOffsets: [0ns] }
                """)).containsExactly(
                "x.yaml:4: machine.hypervisor.hostTscOffsets: expected 2 entries (one per host CPU, "
                        + "machine.hypervisor.hostCpus = 2), got 1",
                "x.yaml:4: machine.hypervisor.tscOffsets: expected 2 entries (one per vCPU, machine.sockets x "
                        + "machine.coresPerSocket = 2), got 1",
                "x.yaml:4: machine.hypervisor.tscScaling: expected 2 entries (one per vCPU, machine.sockets x "
                        + "machine.coresPerSocket = 2), got 3");
    }

    @Test
    void migrationsMustBeInTimeOrder() {
        assertThat(errors("""
                duration: 1s
                machine:
                  hypervisor:
                    kind: kvm
                    migrations:
                      - { at: 100ms, downtime: 50ms, frequency: 2GHz, scaled: true }
                      - { at: 120ms, downtime: 5ms, frequency: 2GHz, scaled: true }
                """)).containsExactly("x.yaml:5: machine.hypervisor.migrations: migration 1 starts before migration 0 "
                + "has resumed: list them in time order, each after the previous downtime");
    }

    @Test
    void aMigrationSaysWhetherTheDestinationScales() {
        assertThat(errors("duration: 1s\nmachine: {hypervisor: {kind: kvm, migrations: [{at: 1ms, downtime: 1ms, "
                + "frequency: 2GHz}]}}\n")).containsExactly(
                "x.yaml:2: machine.hypervisor.migrations[0].scaled: required; expected true or false");
    }

    @Test
    void settingsOfAKvmHostNeedKindKvm() {
        assertThat(errors("duration: 1s\nmachine: {hypervisor: {hostCpus: 4}}\n")).containsExactly(
                "x.yaml:2: machine.hypervisor.hostCpus: only applies when machine.hypervisor.kind is kvm");
    }

    @Test
    void theResolvedConfigReadsBackEqual() {
        Experiment e = load("""
                duration: 1s
                machine:
                  coresPerSocket: 2
                  hypervisor:
                    kind: kvm
                    tscOffsets: [0ns, -10s]
                    steal: { rate: 5/s, duration: { type: exponential, mean: 1ms } }
                    migrations: [{ at: 100ms, downtime: 20ms, frequency: 2GHz, scaled: false }]
                """);
        assertThat(load(ExperimentYaml.toYaml(e))).isEqualTo(e);
    }

    @Test
    void aHostThatWouldNeverFinishIsRefused() {
        assertThat(errors("duration: 100s\nmachine: {hypervisor: {kind: kvm, steal: {rate: 1000/us}}}\n"))
                .anySatisfy(e -> assertThat(e).contains("machine.hypervisor.steal.rate").contains("steal events"));
    }
}
