package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.List;
import org.clocksim.engine.Distribution;
import org.clocksim.engine.RandomStream;
import org.clocksim.hw.Machine;
import org.clocksim.engine.TimeUnits;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4). Each CPU in turn is
 * tested against the boot CPU: the two take a spinlock alternately, read their counter and compare
 * it with the last value written under the lock; any backward step is a warp (0-cycle threshold).
 *
 * <p>A run lasts 20 ms (2 ms for a CPU whose package already has a checked CPU, 30 ms without
 * TSC_ADJUST); the number of hand-offs simulated is capped at {@link #MAX_HANDOFFS} per run, which
 * only matters for the smallest gaps drawn. With TSC_ADJUST a warping CPU writes a compensation to
 * its TSC_ADJUST, by its own measured warp (it was behind) or minus the boot CPU's (it was ahead),
 * and the test runs again, at most 3 runs; the residual is the part of the offset the hand-off gap
 * hides (~200 cycles). Without TSC_ADJUST, or still warping after 3 runs, the TSC is unstable.
 * The tests run before true time 0, one CPU after the other. Not modelled: the re-check of
 * TSC_ADJUST every 10 minutes, forcing TSC_ADJUST equal within a package.
 */
final class SyncCheck {
    static final int MAX_RUNS = 3;
    static final int MAX_HANDOFFS = 20_000;
    private static final long MS = TimeUnits.PS_PER_MS;
    private static final long SPACING_PS = 100 * MS;

    private final Machine machine;
    private final boolean tscAdjust;
    private final long durationPs;
    private final Distribution handoff;
    private final RandomStream random;

    SyncCheck(Machine machine, boolean tscAdjust, long durationPs, Distribution handoff, RandomStream random) {
        this.machine = machine;
        this.tscAdjust = tscAdjust;
        this.durationPs = durationPs;
        this.handoff = handoff;
        this.random = random;
    }

    List<KernelReport.SyncCheckResult> run() {
        List<KernelReport.SyncCheckResult> results = new ArrayList<>();
        boolean[] packageChecked = new boolean[machine.sockets()];
        packageChecked[machine.socketOf(0)] = true;
        for (int cpu = 1; cpu < machine.cores(); cpu++) {
            long start = -(machine.cores() - cpu) * SPACING_PS;
            results.add(check(cpu, start, runDurationPs(packageChecked[machine.socketOf(cpu)])));
            packageChecked[machine.socketOf(cpu)] = true;
        }
        return results;
    }

    private long runDurationPs(boolean sibling) {
        if (durationPs > 0) {
            return durationPs;
        }
        if (!tscAdjust) {
            return 30 * MS;
        }
        return sibling ? 2 * MS : 20 * MS;
    }

    private KernelReport.SyncCheckResult check(int cpu, long startPs, long runPs) {
        long firstWarp = 0;
        long compensation = 0;
        for (int run = 1; run <= MAX_RUNS; run++) {
            long[] warps = warpTest(cpu, startPs + (run - 1) * runPs, runPs);
            long seenByTarget = warps[0];
            long seenBySource = warps[1];
            long warp = Math.max(seenByTarget, seenBySource);
            if (run == 1) {
                firstWarp = warp;
            }
            if (warp == 0) {
                return new KernelReport.SyncCheckResult(cpu, run == 1 ? SyncCheckVerdict.OK : SyncCheckVerdict.COMPENSATED, run, firstWarp,
                        compensation);
            }
            if (!tscAdjust || run == MAX_RUNS) {
                break;
            }
            long write = seenByTarget > 0 ? seenByTarget : -seenBySource;
            machine.counter(cpu).adjust(write);
            compensation += write;
        }
        return new KernelReport.SyncCheckResult(cpu, SyncCheckVerdict.UNSTABLE, tscAdjust ? MAX_RUNS : 1, firstWarp, compensation);
    }

    /** The largest backward step seen by the target and by the boot CPU in one run. */
    private long[] warpTest(int cpu, long startPs, long runPs) {
        long handoffs = Math.min(MAX_HANDOFFS, Math.max(2, (long) (runPs / Math.max(1, handoff.expectedValue()))));
        long time = startPs;
        long last = machine.readTsc(0, time);
        long[] warps = new long[2];
        for (long i = 1; i < handoffs; i++) {
            boolean target = i % 2 == 1;
            time += handoff.sample(random);
            long now = machine.readTsc(target ? cpu : 0, time);
            if (now < last) {
                int side = target ? 0 : 1;
                warps[side] = Math.max(warps[side], last - now);
            }
            last = now;
        }
        return warps;
    }
}
