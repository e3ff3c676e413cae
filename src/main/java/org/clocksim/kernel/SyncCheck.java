package org.clocksim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.TimeUnits;
import org.clocksim.hw.Machine;

/**
 * The boot-time TSC warp test (arch/x86/kernel/tsc_sync.c, KERNEL-FACTS.md §4), as the release's
 * {@link SyncCheckRule} says. CPUs come up one after the other; each is tested against the boot CPU: the two
 * take a spinlock alternately, read their counter and compare it with the last value written under the lock;
 * any backward step is a warp (0-cycle threshold). A run lasts 20 ms, or 2 ms when the CPU's package already
 * has an online CPU (3.8 on). The number of hand-offs simulated is capped at {@link #MAX_HANDOFFS} per run (a
 * 20 ms run of ~100 ns hand-offs has 200,000: the run's shortest hand-off is then a little longer than the kernel's).
 *
 * <p>With TSC_ADJUST (4.10 on, {@code tsc_store_and_check_tsc_adjust()}): a CPU whose package already has an
 * online CPU is not tested; its TSC_ADJUST is set to that CPU's ("TSC ADJUST synchronize"). clocksim takes the
 * cores of a package to leave reset together, so a core's difference from its package's first CPU is what
 * firmware wrote to its TSC_ADJUST, and setting it to the reference's makes the two read alike. The first CPU
 * of a package is tested; on a warp it adds the warp it observed to its TSC_ADJUST (minus the boot CPU's when
 * only the boot CPU saw one: it was ahead) and the test runs again, 3 runs at most (test_runs). Warps seen by
 * both CPUs in one run ("TSC warped randomly between CPUs") end the test at once. The observed warp is the
 * offset less the run's shortest hand-off, so each compensation leaves that shortest hand-off as the residual,
 * and the next run warps again iff its own shortest hand-off is shorter: with hand-off costs that vary from run
 * to run ({@link SyncCheckSpec#runSpread()}) the third run still warps for about one CPU in six that needed a
 * compensation, the real 4-socket Cooper Lake failure (experiments/incidents/cooper-lake-tsc-adjust-overhead.yaml).
 *
 * <p>A failure marks the TSC unstable; later CPUs are neither tested nor synchronized ({@code unsynchronized_tsc()}
 * returns first). The first CPU of each package keeps its own boot TSC_ADJUST (clocksim's offsets), the boot CPU
 * included (its "force to 0" of a non-zero boot value is not modelled). The tests run before true time 0.
 */
final class SyncCheck {
    static final int MAX_HANDOFFS = 20_000;
    private static final int SEGMENTS = 10;
    private static final long SPACING_PS = 100 * TimeUnits.PS_PER_MS;

    private final Machine machine;
    private final SyncCheckRule rule;
    private final SyncCheckSpec spec;
    private final RandomStream random;

    SyncCheck(Machine machine, SyncCheckRule rule, SyncCheckSpec spec, RandomStream random) {
        this.machine = machine;
        this.rule = rule;
        this.spec = spec;
        this.random = random;
    }

    List<KernelReport.SyncCheckResult> run() {
        List<KernelReport.SyncCheckResult> results = new ArrayList<>();
        int[] reference = new int[machine.sockets()];
        Arrays.fill(reference, -1);
        reference[machine.socketOf(0)] = 0;
        boolean unstable = false;
        for (int cpu = 1; cpu < machine.cores(); cpu++) {
            int socket = machine.socketOf(cpu);
            long start = -(machine.cores() - cpu) * SPACING_PS;
            KernelReport.SyncCheckResult result;
            if (unstable) {
                result = new KernelReport.SyncCheckResult(cpu, SyncCheckVerdict.SKIPPED, 0, 0, 0, List.of());
            } else if (rule.usesTscAdjust() && reference[socket] >= 0) {
                result = synchronize(cpu, reference[socket], start);
            } else {
                result = test(cpu, start, runPs(reference[socket] >= 0));
            }
            if (reference[socket] < 0) {
                reference[socket] = cpu;
            }
            results.add(result);
            unstable |= result.verdict() == SyncCheckVerdict.UNSTABLE;
        }
        return results;
    }

    private long runPs(boolean packageOnline) {
        return spec.durationPs() > 0 ? spec.durationPs() : rule.runPs(packageOnline);
    }

    /** Sets the CPU's TSC_ADJUST to its package reference's: from then on the two read alike. */
    private KernelReport.SyncCheckResult synchronize(int cpu, int reference, long timePs) {
        long write = machine.readTsc(reference, timePs) - machine.readTsc(cpu, timePs);
        machine.counter(cpu).adjust(write);
        return new KernelReport.SyncCheckResult(cpu, SyncCheckVerdict.SYNCHRONIZED, 0, 0, write, List.of());
    }

    private KernelReport.SyncCheckResult test(int cpu, long startPs, long runPs) {
        List<Long> warps = new ArrayList<>();
        long compensation = 0;
        for (int run = 1; ; run++) {
            RunWarps seen = warpTest(cpu, startPs + (run - 1) * runPs, runPs);
            warps.add(seen.max());
            if (seen.max() == 0) {
                SyncCheckVerdict verdict = run == 1 ? SyncCheckVerdict.OK : SyncCheckVerdict.COMPENSATED;
                return new KernelReport.SyncCheckResult(cpu, verdict, run, 0, compensation, warps);
            }
            if (seen.random() || run == rule.maxRuns()) {
                return new KernelReport.SyncCheckResult(cpu, SyncCheckVerdict.UNSTABLE, run, seen.max(), compensation,
                        warps);
            }
            long write = seen.byTarget() > 0 ? seen.byTarget() : -seen.bySource();
            machine.counter(cpu).adjust(write);
            compensation += write;
        }
    }

    /**
     * One run: strictly alternating hand-offs, each the per-hand-off cost scaled by the run's factor (the
     * lock's cache line, the interconnect and the uncore differ from one run to the next). When the run holds
     * more hand-offs than {@link #MAX_HANDOFFS}, that many are simulated in {@link #SEGMENTS} stretches spread
     * over the run, so a rate difference still shows over the run's whole length.
     */
    private RunWarps warpTest(int cpu, long startPs, long runPs) {
        double scale = StrictMath.exp(spec.runSpread() * random.nextGaussian());
        double meanPs = Math.max(1, spec.handoff().expectedValue() * scale);
        long all = Math.max(2, (long) (runPs / meanPs));
        int segments = all > MAX_HANDOFFS ? SEGMENTS : 1;
        long perSegment = Math.min(all, MAX_HANDOFFS) / segments;
        RunWarps seen = new RunWarps(0, 0);
        for (int segment = 0; segment < segments; segment++) {
            seen = seen.and(stretch(cpu, startPs + segment * (runPs / segments), perSegment, scale));
        }
        return seen;
    }

    private RunWarps stretch(int cpu, long startPs, long handoffs, double scale) {
        long time = startPs;
        long last = machine.readTsc(0, time);
        long byTarget = 0;
        long bySource = 0;
        for (long i = 1; i < handoffs; i++) {
            boolean target = i % 2 == 1;
            time += Math.max(1, Math.round(spec.handoff().sample(random) * scale));
            long now = machine.readTsc(target ? cpu : 0, time);
            if (now < last) {
                if (target) {
                    byTarget = Math.max(byTarget, last - now);
                } else {
                    bySource = Math.max(bySource, last - now);
                }
            }
            last = now;
        }
        return new RunWarps(byTarget, bySource);
    }

    /** The largest backward step the target and the boot CPU saw in one run. */
    private record RunWarps(long byTarget, long bySource) {
        long max() {
            return Math.max(byTarget, bySource);
        }

        RunWarps and(RunWarps other) {
            return new RunWarps(Math.max(byTarget, other.byTarget), Math.max(bySource, other.bySource));
        }

        /** Both saw one: the kernel's random warps, no retry. */
        boolean random() {
            return byTarget > 0 && bySource > 0;
        }
    }
}
