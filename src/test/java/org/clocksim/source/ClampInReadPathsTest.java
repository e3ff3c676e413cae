package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.source.KernelReadRig.MS;
import static org.clocksim.source.KernelReadRig.NS;
import static org.clocksim.source.KernelReadRig.US;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clocksim.kernel.ClockId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The negative-delta clamp in the read paths (KERNEL-FACTS.md §2): a thread on a CPU whose counter
 * is behind the timekeeping CPU's {@code cycle_last} reads the base of the period, the coarse
 * clock's value, in the vDSO and in the syscall alike; a CPU behind by less than the trailing
 * delta is not clamped.
 */
class ClampInReadPathsTest {
    private static final long TICK = 4 * MS;

    private static String config(String offsetOfCore0) {
        // two single-core sockets; the tick runs on core 1; the thread is pinned to core 0
        return "duration: 1s\n"
                + "machine:\n  sockets: 2\n  coresPerSocket: 1\n  tsc: {frequency: 2.4GHz, socketOffset: ["
                + offsetOfCore0 + ", 0ns]}\n"
                + "kernel:\n  hz: 250\n  timekeepingCpu: 1\n";
    }

    private static KernelReadRig rig(SourceId id, String offset) {
        List<Long> starts = new ArrayList<>();
        for (long t = 1 * US; t < 40 * MS; t += 13 * US) {
            starts.add(t);
        }
        return new KernelReadRig(config(offset), id, ClockId.MONOTONIC, Map.of(SourceId.VDSO_CLOCK_GETTIME, 32 * NS,
                SourceId.SYSCALL_CLOCK_GETTIME, 324 * NS)).callsAt(starts);
    }

    @ParameterizedTest
    @EnumSource(value = SourceId.class, names = {"VDSO_CLOCK_GETTIME", "SYSCALL_CLOCK_GETTIME"})
    void aCpuBehindCycleLastReadsTheBaseOfThePeriod(SourceId id) {
        // 10 ms behind: more than two ticks, so always behind cycle_last (KernelTickTest: why not one)
        KernelReadRig rig = rig(id, "-10ms");
        rig.run(40 * MS);
        assertThat(rig.results).hasSizeGreaterThan(3000);
        for (KernelReadRig.Result r : rig.results) {
            assertThat(r.counterAtSample()).isLessThan(r.cycleLastAtSample());
            assertThat(r.value()).isEqualTo(r.coarseAtSample()).isEqualTo(r.freshValue());
            // the base of a recent tick (see KernelTickTest for why it can be two ticks old)
            assertThat(r.value() * 1000).isBetween(r.samplePs() - 2 * TICK, r.samplePs());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SourceId.class, names = {"VDSO_CLOCK_GETTIME", "SYSCALL_CLOCK_GETTIME"})
    void aCpuSlightlyBehindIsClampedOnlyWhileItsCounterIsBehindCycleLast(SourceId id) {
        // 10 us behind: clamped just after a tick, then reads 10 us behind true time
        KernelReadRig rig = rig(id, "-10us");
        rig.run(40 * MS);
        int clamped = 0;
        int unclamped = 0;
        for (KernelReadRig.Result r : rig.results) {
            if (r.counterAtSample() < r.cycleLastAtSample()) {
                clamped++;
                assertThat(r.value()).isEqualTo(r.coarseAtSample());
                assertThat(r.value() * 1000).isGreaterThan(r.samplePs() - 10 * US);
            } else {
                unclamped++;
                assertThat(r.value()).isGreaterThanOrEqualTo(r.coarseAtSample());
                assertThat((double) r.value()).isCloseTo((r.samplePs() - 10 * US) / 1000.0,
                        org.assertj.core.api.Assertions.within(1.0));
            }
        }
        assertThat(clamped).isPositive();
        assertThat(unclamped).isGreaterThan(clamped);
    }
}
