package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.kernel.KernelRig.MS;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KERNEL-FACTS.md §2: {@code cycle_last} trails the timekeeping CPU's counter by up to one tick. The
 * real tick fires when the kernel's own clock reaches the tick boundary (the clockevent is
 * programmed from it), so each tick finds about one whole interval to accumulate, and just before
 * the next tick the counter is about one interval past {@code cycle_last}, never two.
 */
class KernelTickTest {
    @ParameterizedTest
    @ValueSource(strings = {"0ppm", "-30ppm", "30ppm", "-400ppm"})
    void cycleLastNeverTrailsByMoreThanOneTick(String drift) {
        KernelRig rig = new KernelRig("duration: 1s\nmachine:\n  sockets: 1\n  coresPerSocket: 2\n"
                + "  tsc: {frequency: 2.4GHz, drift: " + drift + "}\nkernel:\n  hz: 250\n");
        Timekeeper tk = rig.kernel.timekeeper();
        long interval = tk.cycleInterval();
        long latency = 2_400 + 2_400 / 100; // 1 us at 2.4 GHz, and the drift
        SplittableRandom random = new SplittableRandom(drift.hashCode());
        long time = 0;
        long smallest = Long.MAX_VALUE;
        for (int i = 0; i < 2_000; i++) {
            time += random.nextLong(1, MS / 2);
            rig.run(time);
            long trailing = rig.machine.readTsc(0, time) - tk.cycleLast();
            // one tick of cycles plus the 1 us between the tick's expiry and its update
            assertThat(trailing).as("at %d ps", time).isBetween(0L, interval + latency);
            smallest = Math.min(smallest, trailing);
        }
        assertThat(smallest).isLessThan(interval / 10); // and right after a tick it is small
        assertThat(rig.kernel.report().ticks()).isBetween(time / (4 * MS) - 2, time / (4 * MS) + 2);
    }
    /**
     * At +500 ppm the tick (on kernel-time boundaries) comes 500 ppm of a tick sooner than the cycle_last grid
     * moves, so about one tick in 2000 finds less than one interval: since 3.6 it does nothing and writes no
     * vDSO page (bf2ac3121951), before it updates anyway. Each update is one odd-even turn of the sequence.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"3.5", "3.6", "6.18"})
    void aShortTickWritesTheVdsoPageOnlyBeforeThreeSix(String version) {
        KernelRig rig = new KernelRig("duration: 20s\nmachine:\n  sockets: 1\n  coresPerSocket: 2\nkernel:\n"
                + "  version: \"" + version + "\"\n  hz: 1000\n  ntp: {frequency: 500ppm}\n");
        KernelReport report = rig.run(20_000 * MS);
        long updates = (rig.kernel.sequence(Long.MAX_VALUE) + 1) / 2;
        if (version.equals("3.5")) {
            assertThat(updates).isEqualTo(report.ticks());
        } else {
            // 20,000 ticks, one in 2000 short
            assertThat(report.ticks() - updates).isBetween(5L, 15L);
        }
    }

    /** Since 4.19 each adjtimex frequency change is an update of its own (a vDSO write); before, it waits for a tick. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"4.18", "4.19"})
    void anImmediateFrequencyChangeWritesTheVdsoPage(String version) {
        KernelRig rig = new KernelRig("duration: 1s\nmachine:\n  sockets: 1\n  coresPerSocket: 2\nkernel:\n"
                + "  version: \"" + version + "\"\n  hz: 250\n  ntp: {frequency: 0ppm, changes: [{at: 2002us, "
                + "frequency: 100ppm}, {at: 6003us, frequency: -100ppm}]}\n");
        KernelReport report = rig.run(10 * MS);
        long updates = (rig.kernel.sequence(Long.MAX_VALUE) + 1) / 2;
        assertThat(updates - report.ticks()).isEqualTo(version.equals("4.19") ? 2 : 0);
        assertThat(report.ntpMultChanges()).isEqualTo(2);
    }
}
