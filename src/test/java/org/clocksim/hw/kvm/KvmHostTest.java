package org.clocksim.hw.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.clocksim.TestSpecs;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.Simulation;
import org.clocksim.hw.Machine;
import org.clocksim.hw.MachineBuilder;
import org.junit.jupiter.api.Test;

/** The host side: TSC offsets, the master clock and the stable bit, the last_value guard, migration, steal. */
class KvmHostTest {
    private static final long NS = 1_000;
    private static final long US = 1_000_000;
    private static final long MS = 1_000_000_000;

    private record Rig(Machine machine, KvmHost host, Simulation simulation) {
    }

    private static Rig rig(double driftPpm, List<Long> offsetsPs, PvclockSpec pvclock, List<LiveMigration> migrations,
                           StealSpec steal) {
        Simulation simulation = new Simulation();
        Machine machine = MachineBuilder.build(TestSpecs.machine(1, 2, TestSpecs.tsc(2.4e9, List.of(0L), 0, driftPpm,
                List.of(0.0), 0, MS)), new RandomStreams(1, 0), simulation);
        HypervisorSpec spec = new HypervisorSpec(HypervisorKind.KVM, 4, List.of(), offsetsPs, List.of(), steal, pvclock,
                migrations);
        return new Rig(machine, new KvmHost(spec, machine, new RandomStreams(1, 0), simulation), simulation);
    }

    private static PvclockSpec pvclock(boolean masterClock, boolean guard) {
        return new PvclockSpec(true, true, masterClock, guard, 100 * NS, 0, 0);
    }

    @Test
    void offsetsApplyToTheVcpusCounters() {
        Rig rig = rig(0, List.of(0L, -US), pvclock(true, true), List.of(), StealSpec.NONE);
        assertThat(rig.machine().readTsc(1, 2 * US) - rig.machine().readTsc(0, 2 * US)).isEqualTo(-2_400);
    }

    @Test
    void matchedTscsGetTheMasterClockAndTheStableBit() {
        Rig rig = rig(0, List.of(0L, 0L), pvclock(true, true), List.of(), StealSpec.NONE);
        assertThat(rig.host().masterClock()).isTrue();
        assertThat(rig.host().stable(0)).isTrue();
        assertThat(rig.host().stable(1)).isTrue();
        assertThat(rig.host().userRead(1, 3 * MS)).isEqualTo(rig.host().kernelRead(1, 3 * MS));
    }

    @Test
    void unmatchedOffsetsLoseTheMasterClock() {
        Rig rig = rig(0, List.of(0L, 10 * NS), pvclock(true, true), List.of(), StealSpec.NONE);
        assertThat(rig.host().masterClock()).isFalse();
        assertThat(rig.host().stable(0)).isFalse();
    }

    /**
     * Without the master clock, a vCPU sampled later than the other reads less when the TSC runs fast; the guard
     * returns the largest of the vCPUs' clocks (and never less than before a rewrite), unguarded the reading goes
     * back; each guarded read pays the cache line.
     */
    @Test
    void theLastValueGuardKeepsPerVcpuSamplesMonotonic() {
        for (boolean guard : new boolean[] {true, false}) {
            Rig rig = rig(1000, List.of(0L, 0L), pvclock(false, guard), List.of(), StealSpec.NONE);
            rig.simulation().run(MS);
            KvmHost host = rig.host();
            long before = host.kernelRead(1, MS);
            // vCPU 1 is refreshed at 1 ms: its extrapolation restarts from the host's clock, 1 us behind vCPU 0's
            host.refreshForTest(1, MS);
            long first = host.kernelRead(0, MS);
            long second = host.kernelRead(1, MS + 10 * NS);
            if (guard) {
                assertThat(second).isGreaterThanOrEqualTo(first).isGreaterThanOrEqualTo(before);
                assertThat(host.readCostPs(0)).isEqualTo(100 * NS);
                assertThat(host.readCostPs(1)).isEqualTo(100 * NS);
            } else {
                assertThat(first - second).isCloseTo(1_000L, within(20L));
                assertThat(before - second).isCloseTo(1_000L, within(20L));
                assertThat(host.readCostPs(0)).isZero();
            }
        }
    }

    @Test
    void theGuardDoesNotDependOnTheOrderOfTheReads() {
        long[] inOrder = new long[3];
        long[] reversed = new long[3];
        for (long[] out : new long[][] {inOrder, reversed}) {
            Rig rig = rig(1000, List.of(0L, 0L), pvclock(false, true), List.of(), StealSpec.NONE);
            rig.simulation().run(MS);
            rig.host().refreshForTest(1, MS);
            for (int i = 0; i < 3; i++) {
                int k = out == inOrder ? i : 2 - i;
                out[k] = rig.host().kernelRead(k % 2, MS + k * 100 * NS);
            }
        }
        assertThat(reversed).containsExactly(inOrder);
    }

    @Test
    void anUnscaledMigrationChangesTheTscRateAndKvmClockAbsorbsIt() {
        Rig rig = rig(0, List.of(0L, 0L), pvclock(true, true),
                List.of(new LiveMigration(MS, 100 * US, 1.2e9, false)), StealSpec.NONE);
        rig.simulation().run(MS + 50 * US);
        long paused = rig.host().kernelRead(0, MS + 50 * US);
        assertThat(rig.host().kernelRead(0, MS + 60 * US)).as("frozen during the downtime").isEqualTo(paused);
        assertThat(rig.host().resumeAt(1, MS + 50 * US)).isEqualTo(MS + 100 * US);
        rig.simulation().run(2 * MS);
        assertThat(rig.machine().counter(0).cyclesPerPs()).isCloseTo(1.2e-3, within(1e-9));
        long ns = rig.host().kernelRead(0, 3 * MS) - rig.host().kernelRead(0, 2 * MS);
        assertThat(ns).as("kvm-clock still counts ns").isCloseTo(1_000_000L, within(2L));
        assertThat(rig.host().kernelRead(0, 2 * MS)).isCloseTo(1_900_000L, within(2L));
    }

    @Test
    void aStolenVcpuDelaysStepsUntilItRunsAgain() {
        Rig rig = rig(0, List.of(0L, 0L), pvclock(true, true), List.of(),
                new StealSpec(1000, new org.clocksim.engine.Distribution.Fixed(200 * US)));
        assertThat(rig.host().preempts()).isTrue();
        long delayed = 0;
        for (long t = 0; t < 20 * MS; t += 10 * US) {
            rig.simulation().run(t);
            long at = rig.host().resumeAt(0, t + NS);
            assertThat(at).isGreaterThanOrEqualTo(t + NS).isLessThanOrEqualTo(t + NS + 200 * US);
            delayed += at > t + NS ? 1 : 0;
        }
        assertThat(delayed).as("about a fifth of the time is stolen").isBetween(200L, 600L);
    }

    @Test
    void aVcpuResumedOnAHostCpuWithAnotherTscMovesByTheDifference() {
        Simulation simulation = new Simulation();
        Machine machine = MachineBuilder.build(TestSpecs.machine(1, 1, TestSpecs.tsc(2.4e9, List.of(0L), 0, 0,
                List.of(0.0), 0, MS)), new RandomStreams(1, 0), simulation);
        HypervisorSpec spec = new HypervisorSpec(HypervisorKind.KVM, 2, List.of(0L, US), List.of(), List.of(),
                new StealSpec(2000, new org.clocksim.engine.Distribution.Fixed(10 * US)), pvclock(true, true),
                List.of());
        new KvmHost(spec, machine, new RandomStreams(1, 0), simulation);
        java.util.Set<Long> offsets = new java.util.TreeSet<>();
        for (long t = MS; t <= 20 * MS; t += MS) {
            simulation.run(t);
            offsets.add(Math.round(machine.offsetNs(0, t)));
        }
        assertThat(offsets).as("host CPU 0's TSC, or host CPU 1's 1 us ahead").containsExactly(0L, 1_000L);
    }
}
