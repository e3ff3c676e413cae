package org.clocksim.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clocksim.config.ConfigSchema.Scheduler;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.workload.WorkloadSpec;

/** Reads {@code scheduler}: where threads start, and the migration policy with its settings. */
final class SchedulerReader {
    private final Checked<MachineSpec> machine;

    private SchedulerReader(Checked<MachineSpec> machine) {
        this.machine = machine;
    }

    static SchedulerSpec read(Section scheduler, Checked<MachineSpec> machine, Checked<WorkloadSpec> workload) {
        SchedulerReader reader = new SchedulerReader(machine);
        List<Integer> placement = scheduler.value(Scheduler.PLACEMENT, f -> reader.placement(f, workload)).value();
        return new SchedulerSpec(placement, reader.migration(scheduler.section(Scheduler.MIGRATION)));
    }

    /** {@code round-robin} (an empty list) or one core index per thread. */
    private Optional<List<Integer>> placement(Field field, Checked<WorkloadSpec> workload) {
        String expected = "expected " + Scheduler.ROUND_ROBIN + " or a list of core indices, one per thread";
        if (field.node() instanceof YamlNode.Scalar) {
            return field.text().filter(text -> text.equals(Scheduler.ROUND_ROBIN)
                    || field.reject(expected + ", got '" + text + "'")).map(text -> List.of());
        }
        int threads = workload.value().threads();
        return field.list(workload.valid() ? threads : -1, "one per thread, workload.threads = " + threads,
                this::core);
    }

    private MigrationSpec migration(Section migration) {
        Checked<MigrationPolicy> policy = migration.value(Scheduler.POLICY);
        EnumSet<MigrationPolicy> needTwoCores = EnumSet.of(MigrationPolicy.POISSON, MigrationPolicy.PERIODIC,
                MigrationPolicy.ALL_PAIRS);
        int cores = machine.value().cores();
        if (policy.valid() && machine.valid() && needTwoCores.contains(policy.value()) && cores < 2) {
            migration.errorAt(Scheduler.POLICY.name(), "policy " + policy.value().id() + " needs at least 2 cores; the machine has "
                    + cores);
        }
        double rate = onlyFor(migration, Scheduler.RATE, policy, EnumSet.of(MigrationPolicy.POISSON),
                Scheduler.RATE.type().reader(), 0.0);
        long intervalPs = onlyFor(migration, Scheduler.INTERVAL, policy,
                EnumSet.of(MigrationPolicy.PERIODIC, MigrationPolicy.PING_PONG, MigrationPolicy.ALL_PAIRS),
                Scheduler.INTERVAL.type().reader(), 0L);
        List<Integer> pingPongCores = onlyFor(migration, Scheduler.CORES, policy, EnumSet.of(MigrationPolicy.PING_PONG),
                this::twoCores, List.of());
        Distribution gap = migration.value(Scheduler.GAP).value();
        return new MigrationSpec(policy.value(), rate, intervalPs, pingPongCores, gap);
    }

    /**
     * A setting that only some policies take: required for those, an error for the others
     * (the resolved spec then holds {@code unused}).
     */
    private static <T> T onlyFor(Section migration, Key<T> key, Checked<MigrationPolicy> policy,
                                 Set<MigrationPolicy> policies, Function<Field, Optional<T>> reader, T unused) {
        if (!policy.valid()) {
            return migration.value(key.name(), reader, unused).value(); // still report the value's own errors
        }
        if (policies.contains(policy.value())) {
            return migration.required(key, reader, unused).value();
        }
        if (migration.has(key.name())) {
            String ids = policies.stream().map(MigrationPolicy::id).collect(Collectors.joining(", "));
            migration.errorAt(key.name(), "only applies to " + (policies.size() == 1 ? "policy " : "policies ") + ids);
        }
        return unused;
    }

    private Optional<List<Integer>> twoCores(Field field) {
        return field.list(2, "the two cores to alternate between", this::core)
                .filter(cores -> !cores.get(0).equals(cores.get(1))
                        || field.reject("expected two different cores, got core " + cores.get(0) + " twice"));
    }

    /** A core index, checked against the machine when its shape is valid. */
    private Optional<Integer> core(Field field) {
        if (!machine.valid()) {
            return field.integerAtLeast(0);
        }
        int cores = machine.value().cores();
        return field.integerIn(0, cores - 1, "a core index in [0, " + cores + ")");
    }
}
