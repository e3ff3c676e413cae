package org.clocksim.config;

import java.util.List;
import java.util.SortedMap;
import org.clocksim.kernel.ClockId;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.Program;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/**
 * What each check program needs of the rest of the config, as its source program sets it up
 * (KERNEL-FACTS.md §5); a missing piece is an error at {@code workload.program} saying what to set.
 */
final class ProgramRequirements {
    private ProgramRequirements() {
    }

    static void check(Section workloadSection, WorkloadSpec workload, KernelSpec kernel, SchedulerSpec scheduler,
                      SortedMap<SourceId, SourceSpec> sources) {
        Program program = workload.program();
        String problem = switch (program) {
            case NONE, INCONSISTENCY_CHECK -> null;
            case SKEW_CONSISTENCY -> kernel.ntp().flipEveryPs() > 0 && Math.abs(kernel.ntp().frequencyPpm()) == 500
                    ? null : "needs kernel.ntp: {frequency: 500ppm, flipEvery: 500ms} (the kernel test flips the NTP "
                    + "frequency between +500 and -500 ppm every 0.5 s)";
            case VDSO_CORRECTNESS -> bracketing(workload);
            case VDSOTEST_VERIFY -> bracketing(workload) != null ? bracketing(workload)
                    : scheduler.migration().policy() == MigrationPolicy.ALL_PAIRS ? null
                    : "needs scheduler.migration.policy: all-pairs (vdsotest forces migrations between every pair "
                            + "of cores)";
            case RAW_SKEW -> rawSkew(workload, kernel, sources);
        };
        if (problem != null) {
            workloadSection.errorAt("program", program.id() + " " + problem);
        }
    }

    /** A syscall source and a user-mode one, called in turn. */
    private static String bracketing(WorkloadSpec workload) {
        List<SourceId> ids = workload.sources();
        boolean syscall = ids.stream().anyMatch(id -> id.id().startsWith("syscall-"));
        boolean user = ids.stream().anyMatch(id -> id.vdso() || id.id().startsWith("vsyscall-"));
        if (workload.mode() != WorkloadMode.ALTERNATE || !syscall || !user) {
            return "needs workload.mode: alternate and sources with a syscall-* and a vdso-* or vsyscall-* source "
                    + "(each user-mode reading is bracketed by syscall readings)";
        }
        return null;
    }

    /** Two clock_gettime sources, one on MONOTONIC and one on MONOTONIC_RAW, under a constant NTP frequency. */
    private static String rawSkew(WorkloadSpec workload, KernelSpec kernel, SortedMap<SourceId, SourceSpec> sources) {
        boolean monotonic = clockUsed(workload, sources, ClockId.MONOTONIC);
        boolean raw = clockUsed(workload, sources, ClockId.MONOTONIC_RAW);
        if (!monotonic || !raw) {
            return "needs two clock_gettime sources, one with clock: monotonic and one with clock: monotonic-raw "
                    + "(e.g. sources: {syscall-clock_gettime: {clock: monotonic-raw}})";
        }
        if (kernel.ntp().flipEveryPs() > 0 || !kernel.ntp().changes().isEmpty()) {
            return "needs a constant NTP frequency (kernel.ntp.frequency, no flipEvery or changes)";
        }
        return null;
    }

    private static boolean clockUsed(WorkloadSpec workload, SortedMap<SourceId, SourceSpec> sources, ClockId clock) {
        return workload.sources().stream().filter(id -> id.clockSelectable() && id != SourceId.VDSO_CLOCK_GETTIME_COARSE)
                .anyMatch(id -> sources.get(id).clock() == clock);
    }
}
