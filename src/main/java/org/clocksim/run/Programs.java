package org.clocksim.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.experiment.Experiment;
import org.clocksim.kernel.ClockId;
import org.clocksim.observe.CrossSourceStats;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.SourceId;
import org.clocksim.workload.Program;
import org.clocksim.workload.Program.Figures;

/**
 * Decides a check program's verdict from a run's results, as its source program would
 * (KERNEL-FACTS.md §5). The config reader has checked that the workload is set up for it.
 */
final class Programs {
    /** raw_skew.c's tolerance. */
    static final double RAW_SKEW_TOLERANCE_PPM = 1;

    private Programs() {
    }

    /** The verdict, or null when the workload runs no program. */
    static ProgramResult evaluate(Experiment experiment, List<SourceResult> sources, List<CrossSourceStats> crossSource) {
        Program program = experiment.workload().program();
        Map<String, Double> details = new LinkedHashMap<>();
        boolean passed = switch (program) {
            case NONE -> true;
            case INCONSISTENCY_CHECK, SKEW_CONSISTENCY -> windows(sources, details);
            case VDSO_CORRECTNESS -> bracketing(crossSource, details);
            case VDSOTEST_VERIFY -> bracketing(crossSource, details);
            case RAW_SKEW -> rawSkew(experiment, sources, details);
        };
        return program == Program.NONE ? null : new ProgramResult(program, passed, details);
    }

    /** Every window of 64 consecutive readings of every source is non-decreasing. */
    private static boolean windows(List<SourceResult> sources, Map<String, Double> details) {
        long windows = sources.stream().mapToLong(s -> s.windows().windows()).sum();
        long failing = sources.stream().mapToLong(s -> s.windows().failing()).sum();
        details.put(Figures.WINDOWS, (double) windows);
        details.put(Figures.FAILING_WINDOWS, (double) failing);
        return windows > 0 && failing == 0;
    }

    /** No reading predates the previous reading of another source (both bracketing directions). */
    private static boolean bracketing(List<CrossSourceStats> crossSource, Map<String, Double> details) {
        long comparisons = crossSource.stream().mapToLong(CrossSourceStats::comparisons).sum();
        long violations = crossSource.stream().mapToLong(CrossSourceStats::violations).sum();
        details.put(Figures.COMPARISONS, (double) comparisons);
        details.put(Figures.VIOLATIONS, (double) violations);
        return comparisons > 0 && violations == 0;
    }

    /** MONOTONIC's rate over MONOTONIC_RAW's, minus 1, equals the NTP frequency within 1 ppm. */
    private static boolean rawSkew(Experiment experiment, List<SourceResult> sources, Map<String, Double> details) {
        double monotonic = rateOf(experiment, sources, ClockId.MONOTONIC);
        double raw = rateOf(experiment, sources, ClockId.MONOTONIC_RAW);
        double measuredPpm = (monotonic / raw - 1) * 1e6;
        double expectedPpm = experiment.kernel().ntp().frequencyPpm();
        details.put(Figures.MEASURED_PPM, measuredPpm);
        details.put(Figures.NTP_PPM, expectedPpm);
        return Math.abs(measuredPpm - expectedPpm) <= RAW_SKEW_TOLERANCE_PPM;
    }

    private static double rateOf(Experiment experiment, List<SourceResult> sources, ClockId clock) {
        return sources.stream()
                .filter(s -> s.source().clockSelectable() && s.source() != SourceId.VDSO_CLOCK_GETTIME_COARSE
                        && experiment.source(s.source()).clock() == clock)
                .findFirst().map(s -> s.span().rate()).orElseThrow();
    }
}
