package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.Simulation;

/**
 * The clocksource watchdog (kernel/time/clocksource.c clocksource_watchdog(), KERNEL-FACTS.md §4).
 * Every interval, on the next CPU in turn, it reads the watchdog clocksource (HPET or ACPI PM) and
 * the TSC of that CPU, and compares the time each says elapsed since the previous check, each
 * converted with its own mult and shift. A difference beyond the release's margin
 * ({@link KernelRules#watchdogMarginPs}: 62.5 ms before 5.14, 500 us since 6.3) marks the TSC
 * unstable. The previous TSC sample was taken on the previous CPU of the rotation, so a constant
 * offset between two CPUs larger than the margin is caught when the check moves between them, and a
 * smaller one never is. How the two clocks are read is the release's {@link WatchdogReadBack}.
 */
final class Watchdog {
    private final Clocksource tsc;
    private final Clocksource watchdog;
    private final MultShift tscConversion;
    private final MultShift watchdogConversion;
    private final int cpus;
    private final long intervalPs;
    private final long marginNs;
    private final WatchdogReadBack readBack;
    private final Consumer<String> markUnstable;
    private final List<KernelReport.WatchdogCheck> checks = new ArrayList<>();
    private final EventHandler onCheck = this::check;
    private final WatchdogReads reads;
    private Simulation simulation;
    private boolean haveLast;
    private long tscLast;
    private long watchdogLast;
    private int nextCpu;
    private boolean stopped;

    Watchdog(Clocksource tsc, Clocksource watchdog, int cpus, long intervalPs, long marginPs, WatchdogReadBack readBack,
             RandomStream random, Consumer<String> markUnstable) {
        this.tsc = tsc;
        this.watchdog = watchdog;
        this.tscConversion = MultShift.forFrequency(tsc.frequencyHz(), MultShift.CONVERSION_RANGE_SECONDS);
        this.watchdogConversion = MultShift.forFrequency(watchdog.frequencyHz(), MultShift.CONVERSION_RANGE_SECONDS);
        this.cpus = cpus;
        this.intervalPs = intervalPs;
        this.marginNs = marginPs / 1000;
        this.readBack = readBack;
        this.markUnstable = markUnstable;
        this.reads = new WatchdogReads(watchdog, random);
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
        WatchdogReadBack.Result read = readBack.read(reads);
        long tscNow = tsc.read(cpu, timePs);
        long watchdogNow = watchdog.read(cpu, timePs);
        switch (read.outcome()) {
            case UNSTABLE -> {
                checks.add(new KernelReport.WatchdogCheck(timePs, cpu, WatchdogVerdict.UNSTABLE, 0));
                stopped = true;
                markUnstable.accept("timekeeping watchdog on CPU" + cpu + ": " + watchdog.name()
                        + " read-back delay of " + read.windowPs() / 1000 + "ns, attempt " + read.attempts()
                        + ", marking unstable");
                return;
            }
            case SKIP -> {
                // 5.17-6.2 keep the previous samples (the next check compares over the longer interval);
                // since 6.3 the watchdog is reset and pauses, so the check after the pause only takes a sample
                checks.add(new KernelReport.WatchdogCheck(timePs, cpu, WatchdogVerdict.SKIPPED, 0));
                if (readBack.pauseAfterSkipPs() > 0) {
                    haveLast = false;
                }
                simulation.schedule(timePs + intervalPs + readBack.pauseAfterSkipPs(), onCheck);
                return;
            }
            case SUCCESS -> compare(timePs, cpu, tscNow, watchdogNow);
        }
    }

    private void compare(long timePs, int cpu, long tscNow, long watchdogNow) {
        if (!haveLast) {
            checks.add(new KernelReport.WatchdogCheck(timePs, cpu, WatchdogVerdict.FIRST, 0));
        } else {
            long tscNs = tscConversion.toNs(Clocksource.delta(tscNow, tscLast, tsc.mask()), 0);
            long watchdogNs = watchdogConversion.toNs(Clocksource.delta(watchdogNow, watchdogLast, watchdog.mask()), 0);
            long skew = tscNs - watchdogNs;
            boolean unstable = Math.abs(skew) > marginNs;
            checks.add(new KernelReport.WatchdogCheck(timePs, cpu, unstable ? WatchdogVerdict.UNSTABLE : WatchdogVerdict.OK, skew));
            if (unstable) {
                stopped = true;
                markUnstable.accept("timekeeping watchdog on CPU" + cpu + ": clocksource 'tsc' skewed " + skew
                        + " ns over watchdog '" + watchdog.name() + "' interval of " + watchdogNs
                        + " ns (margin " + marginNs + " ns)");
                return;
            }
        }
        haveLast = true;
        tscLast = tscNow;
        watchdogLast = watchdogNow;
        simulation.schedule(timePs + intervalPs, onCheck);
    }
}
