package org.clocksim.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clocksim.kernel.KernelRig.MS;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * KERNEL-FACTS.md §2: {@code cycle_last} trails the timekeeping CPU's counter by up to one tick. The
 * real tick fires when the kernel's own clock reaches the tick boundary (the clockevent is
 * programmed from it), so each tick finds about one whole interval to accumulate, and just before
 * the next tick the counter is about one interval past {@code cycle_last}, never two.
 */
class KernelTickTest {
    @Disabled("Known model bug, not fixed here: ticks are scheduled at multiples of 1/HZ in true time, "
            + "so a TSC a hair slow (negative drift, or the floor of k × tickPs × cyclesPerPs landing one "
            + "cycle short at 0 drift, as at 12 ms here) finds fewer than cycle_interval cycles: the tick "
            + "accumulates nothing, cycle_last and the coarse clocks stay a whole tick behind (up to two "
            + "ticks), and a CPU up to two ticks behind escapes the clamp. Proposed fix: schedule the next "
            + "tick when the timekeeping CPU's counter reaches cycle_last + cycle_interval.")
    @ParameterizedTest
    @ValueSource(strings = {"0ppm", "-30ppm", "30ppm"})
    void justBeforeEveryTickCycleLastTrailsByAboutOneInterval(String drift) {
        KernelRig rig = new KernelRig("duration: 1s\nmachine:\n  sockets: 1\n  coresPerSocket: 2\n"
                + "  tsc: {frequency: 2.4GHz, drift: " + drift + "}\nkernel:\n  hz: 250\n");
        Timekeeper tk = rig.kernel.timekeeper();
        long interval = tk.cycleInterval();
        for (long tick = 8 * MS; tick < 400 * MS; tick += 4 * MS) {
            rig.run(tick); // everything before the tick at `tick`
            long trailing = rig.machine.readTsc(0, tick) - tk.cycleLast();
            assertThat(trailing).as("just before the %d ms tick", tick / MS).isBetween(interval - interval / 10_000,
                    interval + interval / 10_000);
        }
    }
}
