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
}
