package org.clocksim.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.MigrationPolicy;
import org.clocksim.kernel.MigrationSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.workload.WorkloadSpec;

/** Reads {@code scheduler}: where threads start, and the migration policy with its settings. */
final class SchedulerReader {
    static final List<String> KEYS = List.of("placement", "migration");
    static final List<String> MIGRATION_KEYS = List.of("policy", "rate", "interval", "cores", "gap");
    static final String ROUND_ROBIN = "round-robin";

    private static final long DEFAULT_GAP_PS = 5_000_000; // 5 us

    private final Checked<MachineSpec> machine;

    private SchedulerReader(Checked<MachineSpec> machine) {
        this.machine = machine;
    }

    static SchedulerSpec read(Section scheduler, Checked<MachineSpec> machine, Checked<WorkloadSpec> workload) {
        SchedulerReader reader = new SchedulerReader(machine);
        List<Integer> placement = scheduler.value("placement", f -> reader.placement(f, workload), List.<Integer>of())
                .value();
        return new SchedulerSpec(placement, reader.migration(scheduler.section("migration", MIGRATION_KEYS)));
    }

    /** {@code round-robin} (an empty list) or one core index per thread. */
    private Optional<List<Integer>> placement(Field field, Checked<WorkloadSpec> workload) {
        String expected = "expected " + ROUND_ROBIN + " or a list of core indices, one per thread";
        if (field.node() instanceof YamlNode.Scalar) {
            return field.text().filter(text -> text.equals(ROUND_ROBIN)
                    || field.reject(expected + ", got '" + text + "'")).map(text -> List.of());
        }
        int threads = workload.value().threads();
        return field.list(workload.valid() ? threads : -1, "one per thread, workload.threads = " + threads,
                this::core);
    }

    private MigrationSpec migration(Section migration) {
        Checked<MigrationPolicy> policy = migration.value("policy",
                f -> f.oneOf("migration policy", MigrationPolicy.values(), MigrationPolicy::id), MigrationPolicy.NONE);
        EnumSet<MigrationPolicy> needTwoCores = EnumSet.of(MigrationPolicy.POISSON, MigrationPolicy.PERIODIC,
                MigrationPolicy.ALL_PAIRS);
        int cores = machine.value().cores();
        if (policy.valid() && machine.valid() && needTwoCores.contains(policy.value()) && cores < 2) {
            migration.errorAt("policy", "policy " + policy.value().id() + " needs at least 2 cores; the machine has "
                    + cores);
        }
        double rate = onlyFor(migration, "rate", policy, EnumSet.of(MigrationPolicy.POISSON),
                "a rate such as 2000/s", f -> f.parsed(Units::parseRatePerSecond), 0.0);
        long intervalPs = onlyFor(migration, "interval", policy,
                EnumSet.of(MigrationPolicy.PERIODIC, MigrationPolicy.PING_PONG, MigrationPolicy.ALL_PAIRS),
                "a duration > 0 such as 1ms", Field::positiveDurationPs, 0L);
        List<Integer> pingPongCores = onlyFor(migration, "cores", policy, EnumSet.of(MigrationPolicy.PING_PONG),
                "two core indices such as [0, 2]", this::twoCores, List.of());
        Distribution gap = migration.value("gap", DistributionReader::read,
                (Distribution) new Distribution.Fixed(DEFAULT_GAP_PS)).value();
        return new MigrationSpec(policy.value(), rate, intervalPs, pingPongCores, gap);
    }

    /**
     * A setting that only some policies take: required for those, an error for the others
     * (the resolved spec then holds {@code unused}).
     */
    private static <T> T onlyFor(Section migration, String key, Checked<MigrationPolicy> policy,
                                 Set<MigrationPolicy> policies, String expected,
                                 Function<Field, Optional<T>> reader, T unused) {
        if (!policy.valid()) {
            return migration.value(key, reader, unused).value(); // still report the value's own errors
        }
        if (policies.contains(policy.value())) {
            return migration.required(key, expected, reader, unused).value();
        }
        if (migration.has(key)) {
            String ids = policies.stream().map(MigrationPolicy::id).collect(Collectors.joining(", "));
            migration.errorAt(key, "only applies to " + (policies.size() == 1 ? "policy " : "policies ") + ids);
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
