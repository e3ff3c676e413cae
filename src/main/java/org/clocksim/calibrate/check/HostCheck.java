package org.clocksim.calibrate.check;

import java.util.List;
import java.util.Optional;
import org.clocksim.calibrate.host.HostProfile;
import org.clocksim.calibrate.host.HostWorkload;
import org.clocksim.calibrate.probe.ProbeMeasurements;
import org.clocksim.run.RunResults;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.SourceId;

/**
 * The monotonicity checks the probe runs on the host, each with the same check simulated on the host
 * experiment (KERNEL-FACTS.md §5): the host's verdict from the probe, the simulation's from a run.
 */
public enum HostCheck {
    /** inconsistency-check.c: windows of 64 readings of each clock never decrease (unpinned thread). */
    INCONSISTENCY_CHECK("inconsistency-check", "windows of 64 readings never decrease") {
        @Override
        public Optional<HostWorkload> workload(HostProfile host) {
            List<SourceId> sources = measured(host, SourceId.VDSO_CLOCK_GETTIME, SourceId.VDSO_CLOCK_GETTIME_COARSE);
            return sources.isEmpty() ? Optional.empty()
                    : Optional.of(new HostWorkload(sources, "  threads: 1\n  program: inconsistency-check\n", null));
        }

        @Override
        public Outcome host(ProbeMeasurements probe) {
            long windows = probe.inconsistencyCheck().stream().mapToLong(ProbeMeasurements.WindowCheck::windows).sum();
            long failing = probe.inconsistencyCheck().stream().mapToLong(ProbeMeasurements.WindowCheck::failing).sum();
            return Outcome.of(windows, failing, "windows", "failing", "no window was read");
        }

        @Override
        public Outcome simulated(RunResults run) {
            long windows = run.sources().stream().mapToLong(s -> s.windows() == null ? 0 : s.windows().windows()).sum();
            long failing = run.sources().stream().mapToLong(s -> s.windows() == null ? 0 : s.windows().failing()).sum();
            return new Outcome(run.program() != null && run.program().passed(), windows, failing, "windows", "failing",
                    null);
        }
    },
    /** vdso_test_correctness.c: each vDSO (and vsyscall) reading lies between two bracketing syscall readings. */
    VDSO_CORRECTNESS("vdso-correctness", "each vDSO reading between two bracketing syscalls") {
        @Override
        public Optional<HostWorkload> workload(HostProfile host) {
            List<SourceId> sources = measured(host, SourceId.SYSCALL_CLOCK_GETTIME, SourceId.VDSO_CLOCK_GETTIME,
                    SourceId.SYSCALL_GETTIMEOFDAY, SourceId.VDSO_GETTIMEOFDAY, SourceId.VSYSCALL_GETTIMEOFDAY);
            boolean bracketed = sources.stream().anyMatch(s -> s.id().startsWith("syscall-"))
                    && sources.stream().anyMatch(s -> !s.id().startsWith("syscall-"));
            return bracketed ? Optional.of(new HostWorkload(sources,
                    "  threads: 1\n  mode: alternate\n  program: vdso-correctness\n", null)) : Optional.empty();
        }

        @Override
        public Outcome host(ProbeMeasurements probe) {
            long comparisons = probe.vdsoCorrectness().values().stream().mapToLong(ProbeMeasurements.BracketCheck::comparisons).sum();
            long violations = probe.vdsoCorrectness().values().stream().mapToLong(ProbeMeasurements.BracketCheck::violations).sum();
            return Outcome.of(comparisons, violations, "comparisons", "violations", "no reading was bracketed");
        }

        @Override
        public Outcome simulated(RunResults run) {
            long comparisons = run.crossSource().stream().mapToLong(c -> c.comparisons()).sum();
            long violations = run.crossSource().stream().mapToLong(c -> c.violations()).sum();
            return new Outcome(run.program() != null && run.program().passed(), comparisons, violations,
                    "comparisons", "violations", null);
        }
    },
    /** check_tsc_warp-style: two threads on two CPUs hand a lock over; a TSC reading below the last one is a warp. */
    TSC_WARP("tsc-warp", "lock hand-off between CPU pairs: no TSC reading below the last") {
        @Override
        public Optional<HostWorkload> workload(HostProfile host) {
            int cores = host.sockets() * host.coresPerSocket();
            if (cores < 2 || !host.sources().contains(SourceId.RDTSC)) {
                return Optional.empty();
            }
            return Optional.of(new HostWorkload(List.of(SourceId.RDTSC), "  threads: 2\n  pattern: lock-handoff\n",
                    "  placement: [0, " + (cores - 1) + "]\n  migration: { policy: none }\n"));
        }

        @Override
        public Outcome host(ProbeMeasurements probe) {
            long handoffs = probe.warp().stream().mapToLong(ProbeMeasurements.WarpPair::handoffs).sum();
            long warps = probe.warp().stream().mapToLong(ProbeMeasurements.WarpPair::warps).sum();
            String why = probe.warp().isEmpty() ? "needs two CPUs; one was measured"
                    : "no pair of CPUs ran: " + probe.warp().stream().map(ProbeMeasurements.WarpPair::error)
                            .filter(java.util.Objects::nonNull).distinct().collect(java.util.stream.Collectors.joining("; "));
            return Outcome.of(handoffs, warps, "hand-offs", "warps", why);
        }

        @Override
        public Outcome simulated(RunResults run) {
            SourceResult rdtsc = run.sources().get(0);
            long comparisons = rdtsc.crossThread() == null ? 0 : rdtsc.crossThread().comparisons();
            long warps = rdtsc.crossThread() == null ? 0 : rdtsc.crossThread().backwardEvents();
            return new Outcome(comparisons > 0 && warps == 0, comparisons, warps, "hand-offs", "warps", null);
        }
    };

    private final String id;
    private final String rule;

    HostCheck(String id, String rule) {
        this.id = id;
        this.rule = rule;
    }

    public String id() {
        return id;
    }

    public String rule() {
        return rule;
    }

    /** The host experiment's workload for this check, or empty when the host lacks what it needs. */
    public abstract Optional<HostWorkload> workload(HostProfile host);

    public abstract Outcome host(ProbeMeasurements probe);

    public abstract Outcome simulated(RunResults run);

    /**
     * A check's verdict and the two counts it was decided on.
     *
     * @param trials      readings compared (windows, comparisons, hand-offs)
     * @param failures    the ones that broke the rule
     * @param notMeasured why nothing was compared (then neither pass nor fail), else null
     */
    public record Outcome(boolean passed, long trials, long failures, String trialsName, String failuresName,
                          String notMeasured) {
        /** Passed when something was compared and nothing broke the rule; not measured when nothing was compared. */
        static Outcome of(long trials, long failures, String trialsName, String failuresName, String whyNone) {
            return new Outcome(trials > 0 && failures == 0, trials, failures, trialsName, failuresName,
                    trials > 0 ? null : whyNone);
        }

        public boolean measured() {
            return notMeasured == null;
        }

        public String verdict() {
            return !measured() ? "not measured" : passed ? "pass" : "fail";
        }
    }

    private static List<SourceId> measured(HostProfile host, SourceId... wanted) {
        return List.of(wanted).stream().filter(host.sources()::contains).toList();
    }
}
