package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.source.KernelReadRig.MS;
import static org.clocksim.source.KernelReadRig.NS;
import static org.clocksim.source.KernelReadRig.US;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clocksim.kernel.ClockId;
import org.junit.jupiter.api.Test;

/**
 * Clock mode NONE (KERNEL-FACTS.md §3, §4): with the HPET as clocksource the vDSO cannot read the
 * counter, so vdso-clock_gettime enters the vDSO, finds mode NONE and makes the syscall, which
 * reads the HPET: latency = vDSO entry (a quarter of its own latency) + syscall + HPET read.
 * Coarse clocks and time() read only the data page and never fall back.
 */
class ClockModeNoneTest {
    private static final long VDSO = 32 * NS;
    private static final long SYSCALL = 324 * NS;
    private static final long HPET_READ = 1200 * NS;
    private static final long COARSE = 10 * NS;
    private static final String HPET = "duration: 1s\n"
            + "machine:\n  sockets: 2\n  coresPerSocket: 1\n  hpet: {readLatency: 1200ns, drift: 20ppm}\n"
            + "kernel:\n  clocksource: hpet\n  dataPageMiss: 180ns\n";
    private static final Map<SourceId, Long> LATENCIES = Map.of(SourceId.VDSO_CLOCK_GETTIME, VDSO,
            SourceId.SYSCALL_CLOCK_GETTIME, SYSCALL, SourceId.VDSO_CLOCK_GETTIME_COARSE, COARSE,
            SourceId.VDSO_TIME, COARSE);

    private static List<Long> starts(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Long> starts = new ArrayList<>();
        long t = 0;
        for (int i = 0; i < count; i++) {
            t += random.nextLong(20 * US); // a few reads per tick, some straddling it
            starts.add(t);
        }
        return starts;
    }

    @Test
    void vdsoClockGettimeFallsBackToTheSyscallAndReadsTheHpet() {
        KernelReadRig rig = new KernelReadRig(HPET, SourceId.VDSO_CLOCK_GETTIME, ClockId.MONOTONIC, LATENCIES)
                .callsAt(starts(1, 20_000));
        assertThat(rig.kernel.vdsoCapable()).isFalse();
        rig.run(500 * MS);
        assertThat(rig.results).hasSize(20_000);
        long expected = VDSO / 4 + SYSCALL + HPET_READ;
        assertThat(rig.results.stream().filter(r -> r.latencyPs() == expected)).hasSizeGreaterThan(19_900);
        assertThat(rig.results.stream().filter(r -> r.retries() > 0)).isNotEmpty();
        long last = Long.MIN_VALUE;
        for (KernelReadRig.Result r : rig.results) {
            // a retry inside the syscall repeats the HPET read: one more counter read per retry; a
            // call that finds an update being written (100 ns) waits for it
            assertThat(r.latencyPs() - expected - r.retries() * HPET_READ).isBetween(0L, 100 * NS);
            assertThat(r.value()).isGreaterThanOrEqualTo(last).isEqualTo(r.freshValue());
            last = r.value();
        }
        // the reading follows the HPET: true time at the HPET's 20 ppm, in its 70 ns ticks
        KernelReadRig.Result end = rig.results.get(rig.results.size() - 1);
        assertThat((double) end.value()).isCloseTo(end.samplePs() / 1000.0 * (1 + 20e-6),
                org.assertj.core.api.Assertions.within(1e9 / 14_318_180 + 2));
        assertThat(rig.results.stream().mapToLong(KernelReadRig.Result::latencyPs).average().orElseThrow() / VDSO)
                .as("the fallback is 30-50x slower than the vDSO").isGreaterThan(30);
    }

    @Test
    void coarseClocksAndTimeDoNotFallBack() {
        for (SourceId id : List.of(SourceId.VDSO_CLOCK_GETTIME_COARSE, SourceId.VDSO_TIME)) {
            KernelReadRig rig = new KernelReadRig(HPET, id, ClockId.MONOTONIC, LATENCIES).callsAt(starts(2, 5_000));
            rig.run(200 * MS);
            assertThat(rig.results).hasSize(5_000);
            long last = Long.MIN_VALUE;
            for (KernelReadRig.Result r : rig.results) {
                // at most the data page's miss on a first look: never a syscall, never an HPET read
                assertThat(r.latencyPs()).as(id.id()).isBetween(COARSE, COARSE + 180 * NS + COARSE);
                assertThat(r.value()).isGreaterThanOrEqualTo(last);
                last = r.value();
            }
        }
    }

    @Test
    void withTheTscTheSameCallStaysInUserMode() {
        KernelReadRig rig = new KernelReadRig(HPET.replace("clocksource: hpet", "clocksource: tsc"),
                SourceId.VDSO_CLOCK_GETTIME, ClockId.MONOTONIC, LATENCIES).callsAt(starts(3, 5_000));
        assertThat(rig.kernel.vdsoCapable()).isTrue();
        rig.run(200 * MS);
        assertThat(rig.results).allSatisfy(r -> assertThat(r.latencyPs() - r.retries() * 3 * VDSO / 4)
                .isBetween(VDSO, VDSO + 2 * 180 * NS));
    }
    /** Before 4.7 (1ed95e52d902) the vDSO read the HPET itself (vread_hpet): no syscall, just the slow read. */
    @Test
    void beforeFourSevenTheVdsoReadsTheHpetInUserMode() {
        String old = HPET.replace("clocksource: hpet", "clocksource: hpet\n  version: \"4.6\"");
        KernelReadRig rig = new KernelReadRig(old, SourceId.VDSO_CLOCK_GETTIME, ClockId.MONOTONIC, LATENCIES)
                .callsAt(starts(4, 5_000));
        assertThat(rig.kernel.vdsoCapable()).isTrue();
        rig.run(200 * MS);
        assertThat(rig.results).hasSize(5_000);
        long last = Long.MIN_VALUE;
        for (KernelReadRig.Result r : rig.results) {
            // the vDSO's own latency plus one HPET read per pass, at most a first look's miss and a write's wait
            assertThat(r.latencyPs() - r.retries() * (3 * VDSO / 4 + HPET_READ))
                    .isBetween(VDSO + HPET_READ, VDSO + HPET_READ + 180 * NS + 100 * NS);
            assertThat(r.value()).isGreaterThanOrEqualTo(last).isEqualTo(r.freshValue());
            last = r.value();
        }
        assertThat(new KernelReadRig(HPET.replace("clocksource: hpet", "clocksource: hpet\n  version: \"4.7\""),
                SourceId.VDSO_CLOCK_GETTIME, ClockId.MONOTONIC, LATENCIES).kernel.vdsoCapable()).isFalse();
    }

    /** A clock id the release's vDSO does not read is a syscall from the vDSO: CLOCK_TAI before 4.20, BOOTTIME before 5.3. */
    @Test
    void aClockIdTheVdsoDoesNotReadFallsBackToTheSyscall() {
        String tsc = HPET.replace("clocksource: hpet", "clocksource: tsc");
        for (String[] c : new String[][] {{"4.19", "TAI", "true"}, {"4.20", "TAI", "false"}, {"5.2", "BOOTTIME", "true"},
            {"5.3", "BOOTTIME", "false"}}) {
            KernelReadRig rig = new KernelReadRig(tsc.replace("clocksource: tsc", "clocksource: tsc\n  version: \"" + c[0]
                    + "\""), SourceId.VDSO_CLOCK_GETTIME, ClockId.valueOf(c[1]), LATENCIES).callsAt(starts(5, 2_000));
            rig.run(100 * MS);
            long floor = Boolean.parseBoolean(c[2]) ? VDSO / 4 + SYSCALL : VDSO;
            assertThat(rig.results).as(c[1] + " on " + c[0]).hasSize(2_000).allSatisfy(r -> assertThat(r.latencyPs())
                    .isBetween(floor, floor + r.retries() * (SYSCALL + VDSO) + 2 * 180 * NS + 100 * NS));
            assertThat(rig.results).allSatisfy(r -> assertThat(r.value()).isEqualTo(r.freshValue()));
        }
    }
}
