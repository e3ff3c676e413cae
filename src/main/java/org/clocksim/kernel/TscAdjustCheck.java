package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clocksim.engine.EventHandler;
import org.clocksim.engine.Simulation;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.Machine;

/**
 * The kernel's re-check of TSC_ADJUST at run time (tsc_verify_tsc_adjust(), arch/x86/kernel/tsc_sync.c), as the
 * release's {@link TscAdjustRecheck} says: a CPU that finds its TSC_ADJUST moved from the value the kernel set
 * writes that value back ("TSC ADJUST differs: CPUn X --> Y. Restoring") and its counter loses what a run-time
 * {@code tscWrite} added.
 *
 * <p>When: from idle (4.10 on), at most once a second per CPU (nextcheck = jiffies + HZ, first one a second
 * after boot). clocksim's threads never sleep, so a core runs idle exactly while no thread is on it: an idle core
 * checks every second, and at once when its last thread leaves if a second has passed since its last check; a
 * core with a thread never does. The 10-minute timer (5.16 on) checks one online CPU after another, busy or not,
 * the first on CPU 0 ten minutes after boot. No check once the TSC is marked unstable (a recent tsc_sync.c's
 * "Skip unnecessary error messages if TSC already unstable"; release not found, applied on every release).
 * Not modelled: resume (which checks unconditionally).
 */
final class TscAdjustCheck implements MigrationListener {
    private static final long SECOND_PS = TimeUnits.PS_PER_S;

    private final Machine machine;
    private final TscAdjustRecheck rule;
    private final long[] adjusted;
    private final long[] nextCheckPs;
    private final int cores;
    private final List<KernelReport.TscAdjustRestore> restores = new ArrayList<>();
    private final EventHandler onIdleSweep = this::idleSweep;
    private final EventHandler onTimer = this::timer;
    private CoreOccupancy occupancy;
    private int timerCpu;
    private Simulation simulation;
    private boolean stopped;

    /** @param adjusted each CPU's TSC_ADJUST as the kernel set it at boot, in cycles (its compensation) */
    TscAdjustCheck(Machine machine, TscAdjustRecheck rule, long[] adjusted) {
        this.machine = machine;
        this.rule = rule;
        this.adjusted = adjusted.clone();
        this.nextCheckPs = new long[machine.cores()];
        Arrays.fill(nextCheckPs, SECOND_PS);
        this.cores = machine.cores();
    }

    /** Learns where the threads are (a core with a thread never idles) and hears of their migrations. */
    void watch(Scheduler threads) {
        this.occupancy = new CoreOccupancy(threads, cores);
        threads.addListener(this);
    }

    void start(Simulation events) {
        this.simulation = events;
        if (rule.onIdle()) {
            events.schedule(SECOND_PS, onIdleSweep);
        }
        if (rule.timerPs() > 0) {
            events.schedule(rule.timerPs(), onTimer);
        }
    }

    /** The TSC is unstable: the kernel no longer checks. */
    void stop() {
        stopped = true;
    }

    List<KernelReport.TscAdjustRestore> restores() {
        return restores;
    }

    private void idleSweep(long timePs) {
        if (stopped) {
            return;
        }
        for (int core = 0; core < cores; core++) {
            if (idle(core) && timePs >= nextCheckPs[core]) {
                check(core, timePs);
            }
        }
        simulation.schedule(timePs + SECOND_PS, onIdleSweep);
    }

    /** Before any thread is watched (a kernel without a workload) every core idles. */
    private boolean idle(int core) {
        return occupancy == null || occupancy.idle(core);
    }

    private void timer(long timePs) {
        if (stopped) {
            return;
        }
        check(timerCpu, timePs);
        timerCpu = (timerCpu + 1) % cores;
        simulation.schedule(timePs + rule.timerPs(), onTimer);
    }

    private void check(int core, long timePs) {
        nextCheckPs[core] = timePs + SECOND_PS;
        double drift = machine.tscAdjustDrift(core);
        if (drift != 0) {
            long found = adjusted[core] + Math.round(drift);
            machine.restoreTscAdjust(core);
            restores.add(new KernelReport.TscAdjustRestore(timePs, core, adjusted[core], found));
        }
    }

    /** Not once stopped: nothing is checked any more. */
    @Override
    public boolean listening() {
        return !stopped;
    }

    @Override
    public void migrated(int thread, long timePs, long gapPs) {
        int from = occupancy.moved(thread);
        if (rule.onIdle() && !stopped && occupancy.idle(from) && timePs >= nextCheckPs[from]) {
            check(from, timePs);
        }
    }
}
