package org.clocksim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * The vDSO's seqcount protocol (include/vdso/helpers.h, KERNEL-FACTS.md §2, §3) as a
 * vdso-clock_gettime call follows it: read the sequence (wait while odd), read the snapshot and
 * the counter, read the sequence again and retry if it changed. With a fixed latency L the steps
 * are L/4 apart, plus the data-page miss on a CPU's first look after an update: the window
 * between the two sequence reads is L/2 + miss.
 */
class SeqcountRetryTest {
    private static final long TICK = 1 * MS;
    private static final long MISS = 180 * NS;

    /**
     * On 3.5 every tick updates and publishes (no early return for a short tick) and an NTP change waits for
     * the next tick: one publication per tick, which these tests count on (KernelRules.timekeeping).
     */
    private static String config(long publishNs, String ntp) {
        return "duration: 10s\n"
                + "machine:\n  sockets: 1\n  coresPerSocket: 2\n  tsc: {frequency: 2.4GHz, drift: 30ppm}\n"
                + "kernel:\n  version: \"3.5\"\n  hz: 1000\n  publishTime: " + publishNs
                + "ns\n  dataPageMiss: 180ns\n" + ntp;
    }

    /**
     * The true time of tick {@code k}: ticks fire at kernel-time boundaries (plus the tick latency),
     * which the drifting counter moves off whole milliseconds. Found as the first picosecond at which
     * the data page's sequence has turned odd for the k-th time.
     */
    private static long tickTime(String yaml, int k) {
        long low = (k - 1) * TICK;
        long high = (k + 1) * TICK;
        while (low < high) {
            long middle = (low + high) / 2;
            KernelReadRig probe = vdso(yaml, 100 * NS);
            probe.run(middle + 1);
            if (probe.kernel.sequence(middle) >= 2 * k - 1) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static KernelReadRig vdso(String yaml, long latencyPs) {
        return new KernelReadRig(yaml, SourceId.VDSO_CLOCK_GETTIME, ClockId.MONOTONIC,
                Map.of(SourceId.VDSO_CLOCK_GETTIME, latencyPs, SourceId.SYSCALL_CLOCK_GETTIME, 324 * NS));
    }

    @Test
    void aReadWhoseWindowStraddlesATickRetriesAndReturnsTheNewSnapshotsValue() {
        // a naive NTP change at the 3 ms tick steps the clock there by (unaccumulated cycles × Δmult)
        // >> shift: with the TSC 1000 ppm fast, 7200 cycles × 1000 ppm ≈ 3 ns. A value computed from
        // the snapshot before the tick would be off by that step.
        String yaml = config(100, "  ntpUpdate: naive\n  tickLatency: 20us\n  ntp: {frequency: 500ppm, changes: "
                + "[{at: 2500us, frequency: -500ppm}]}\n").replace("drift: 30ppm", "drift: 1000ppm");
        long latency = 400 * NS;
        long tick = tickTime(yaml, 3);
        // a first look after the 3 ms update: sequence read at T − 300 ns, counter at T − 20 ns
        // (after the miss), sequence check at T + 80 ns (odd)
        KernelReadRig rig = vdso(yaml, latency).callsAt(List.of(tick - 1500 * US, tick - 400 * NS));
        rig.run(tick + 500 * US);
        assertThat(rig.results).hasSize(2);
        KernelReadRig.Result clean = rig.results.get(0);
        assertThat(clean.retries()).isZero();
        assertThat(clean.latencyPs()).isEqualTo(latency + MISS);
        KernelReadRig.Result straddling = rig.results.get(1);
        assertThat(straddling.retries()).isEqualTo(1);
        // retry: sequence again at T + 180 ns (the write ended at T + 100 ns), and the page has been
        // written since the first look: another miss
        assertThat(straddling.samplePs()).isEqualTo(tick + 80 * NS + 100 * NS + 100 * NS + MISS);
        assertThat(straddling.endPs()).isEqualTo(straddling.samplePs() + 200 * NS);

        long counter = rig.machine.readTsc(0, straddling.samplePs());
        long fresh = rig.kernel.timekeeper().readNs(ClockId.MONOTONIC, counter);
        assertThat(straddling.value()).isEqualTo(fresh);
        // the same counter through the snapshot from before the tick: the naive step
        KernelReadRig before = vdso(yaml, latency);
        before.run(tick);
        long stale = before.kernel.timekeeper().readNs(ClockId.MONOTONIC, counter);
        assertThat(rig.kernel.ntpSteps(false)).isPositive();
        // the remainder at the tick is about the 20 us tick latency: 48000 cycles x 1000 ppm = 20 ns
        assertThat(stale - fresh).isBetween(18L, 22L);
    }

    @Test
    void aReaderThatFindsTheSequenceOddWaitsUntilTheWriteEnds() {
        long publish = 50 * US;
        long latency = 200 * US;
        long tick = tickTime(config(50_000, ""), 5);
        // the first sequence read comes 10 us into the write, which ends at T + 50 us
        KernelReadRig rig = vdso(config(50_000, ""), latency).callsAt(List.of(tick + 10 * US - latency / 4));
        rig.run(tick + 900 * US);
        KernelReadRig.Result result = rig.results.get(0);
        assertThat(result.retries()).isZero();
        assertThat(result.samplePs()).isEqualTo(tick + publish + latency / 4 + MISS);
        assertThat(result.latencyPs()).isEqualTo(latency + MISS + (publish - 10 * US));
        assertThat(result.value()).isEqualTo(result.freshValue());
    }

    /**
     * Reads at uniformly random times (one every other tick period, so each is a first look after
     * an update): a read retries when a tick falls between its two sequence reads, probability
     * (L/2 + miss) / tick, and waits when its first sequence read falls inside a write,
     * probability publish / tick. Together: (read window + publish time) / tick. Bounds of 5
     * standard deviations of the binomial count.
     */
    @Test
    void theRetryRateIsTheReadWindowOverTheTickPeriod() {
        long latency = 200 * US;
        long publish = 50 * US;
        int reads = 4_000;
        SplittableRandom random = new SplittableRandom(11);
        List<Long> starts = new ArrayList<>();
        for (int k = 1; k <= reads; k++) {
            starts.add(2 * k * TICK + random.nextLong(TICK));
        }
        KernelReadRig rig = vdso(config(50_000, "  ntp: {frequency: 300ppm, flipEvery: 7ms}\n"), latency)
                .callsAt(starts);
        rig.run((2L * reads + 3) * TICK);
        assertThat(rig.results).hasSize(reads);

        long retried = rig.results.stream().filter(r -> r.retries() > 0).count();
        long waited = rig.results.stream().filter(r -> r.retries() == 0 && r.latencyPs() > latency + MISS).count();
        double window = latency / 2.0 + MISS;
        assertCount(retried, reads, window / TICK);
        assertCount(waited, reads, (double) publish / TICK);
        assertCount(retried + waited, reads, (window + publish) / TICK);
        assertThat(rig.results).allSatisfy(r -> {
            assertThat(r.retries()).isLessThanOrEqualTo(1);
            assertThat(r.value()).isEqualTo(r.freshValue());
        });
    }

    private static void assertCount(long count, int n, double p) {
        double sd = Math.sqrt(n * p * (1 - p));
        assertThat((double) count).isCloseTo(n * p, within(5 * sd));
    }

    @Test
    void readsThatDoNotStraddleATickNeverRetry() {
        long latency = 32 * NS;
        List<Long> starts = new ArrayList<>();
        for (long t = 10 * US; t < 50 * MS; t += 7 * US) {
            long inTick = t % TICK;
            if (inTick > 1 * US && inTick < TICK - 1 * US) {
                starts.add(t);
            }
        }
        KernelReadRig rig = vdso(config(100, ""), latency).callsAt(starts);
        rig.run(50 * MS);
        assertThat(rig.results).hasSize(starts.size());
        assertThat(rig.results).allSatisfy(r -> assertThat(r.retries()).isZero());
        long last = Long.MIN_VALUE;
        for (KernelReadRig.Result r : rig.results) {
            assertThat(r.value()).isGreaterThanOrEqualTo(last);
            last = r.value();
        }
    }
}
