package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.EventHandler;

/**
 * The clocksource watchdog (kernel/time/clocksource.c clocksource_watchdog(), KERNEL-FACTS.md §4).
 * Every interval, on the next CPU in turn, it reads the watchdog clocksource (HPET or ACPI PM) and
 * the TSC of that CPU, and compares the time each says elapsed since the previous check, each
 * converted with its own mult and shift. A difference beyond the margin (500 ppm of the interval by
 * default: ~250 us per 0.5 s) marks the TSC unstable. The previous TSC sample was taken on the
 * previous CPU of the rotation, so a constant offset between two CPUs larger than the margin is
 * caught when the check moves between them, and a smaller one never is. A watchdog read slower than
 * {@link #MAX_READ_DELAY_PS} skips the check (the kernel's read-back retry, WATCHDOG_MAX_SKEW).
 */
final class Watchdog {
    static final long MAX_READ_DELAY_PS = 125_000_000L;

    private final Clocksource tsc;
    private final Clocksource watchdog;
    private final MultShift tscConversion;
    private final MultShift watchdogConversion;
    private final int cpus;
    private final long intervalPs;
    private final long marginNs;
    private final RandomStream random;
    private final Consumer<String> markUnstable;
    private final List<KernelReport.WatchdogCheck> checks = new ArrayList<>();
    private final EventHandler onCheck = this::check;
    private Simulation simulation;
    private boolean haveLast;
    private long tscLast;
    private long watchdogLast;
    private int nextCpu;
    private boolean stopped;

    Watchdog(Clocksource tsc, Clocksource watchdog, int cpus, long intervalPs, long marginPs, RandomStream random,
             Consumer<String> markUnstable) {
        this.tsc = tsc;
        this.watchdog = watchdog;
        this.tscConversion = MultShift.forFrequency(tsc.frequencyHz(), MultShift.CONVERSION_RANGE_SECONDS);
        this.watchdogConversion = MultShift.forFrequency(watchdog.frequencyHz(), MultShift.CONVERSION_RANGE_SECONDS);
        this.cpus = cpus;
        this.intervalPs = intervalPs;
        this.marginNs = marginPs / 1000;
        this.random = random;
        this.markUnstable = markUnstable;
    }

    void start(Simulation simulation) {
        this.simulation = simulation;
        simulation.schedule(intervalPs, onCheck);
    }

    /** The TSC is no longer checked (it was marked unstable, by this watchdog or otherwise). */
    void stop() {
        stopped = true;
    }

    List<KernelReport.WatchdogCheck> checks() {
        return checks;
    }

    private void check(long timePs) {
        if (stopped) {
            return;
        }
        int cpu = nextCpu;
        nextCpu = (nextCpu + 1) % cpus;
        long readDelay = watchdog.readLatency().sample(random);
        long tscNow = tsc.read(cpu, timePs);
        long watchdogNow = watchdog.read(cpu, timePs);
        if (readDelay > MAX_READ_DELAY_PS) {
            checks.add(new KernelReport.WatchdogCheck(timePs, cpu, WatchdogVerdict.SKIPPED, 0));
        } else if (!haveLast) {
            checks.add(new KernelReport.WatchdogCheck(timePs, cpu, WatchdogVerdict.FIRST, 0));
        } else {
            long tscNs = tscConversion.toNs(Clocksource.delta(tscNow, tscLast, tsc.mask()), 0);
            long watchdogNs = watchdogConversion.toNs(Clocksource.delta(watchdogNow, watchdogLast, watchdog.mask()), 0);
            long skew = tscNs - watchdogNs;
            boolean unstable = Math.abs(skew) > marginNs;
            checks.add(new KernelReport.WatchdogCheck(timePs, cpu, unstable ? WatchdogVerdict.UNSTABLE : WatchdogVerdict.OK, skew));
            if (unstable) {
                stopped = true;
                markUnstable.accept("clocksource watchdog on CPU " + cpu + ": tsc skew " + skew + " ns against "
                        + watchdog.name() + " over " + watchdogNs + " ns exceeds the margin of " + marginNs + " ns");
                return;
            }
        }
        haveLast = true;
        tscLast = tscNow;
        watchdogLast = watchdogNow;
        simulation.schedule(timePs + intervalPs, onCheck);
    }
}
