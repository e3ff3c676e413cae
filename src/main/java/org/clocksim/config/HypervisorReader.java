package org.clocksim.config;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.clocksim.config.ConfigSchema.Hypervisor;
import org.clocksim.engine.Distribution;
import org.clocksim.hw.kvm.HypervisorKind;
import org.clocksim.hw.kvm.HypervisorSpec;
import org.clocksim.hw.kvm.LiveMigration;
import org.clocksim.hw.kvm.PvclockSpec;
import org.clocksim.hw.kvm.StealSpec;

/** Reads {@code machine.hypervisor}: the KVM host under a guest. */
final class HypervisorReader {
    private HypervisorReader() {
    }

    /** @param vcpus the machine's cores (-1 when its shape is invalid) */
    static HypervisorSpec read(Section section, int vcpus, double frequencyHz) {
        HypervisorKind kind = section.value(Hypervisor.KIND).value();
        int defaultHostCpus = Math.max(1, vcpus);
        int hostCpus = section.value(Hypervisor.HOST_CPUS.name(), Hypervisor.HOST_CPUS.type().reader(),
                defaultHostCpus).value();
        List<Long> hostOffsets = section.value(Hypervisor.HOST_TSC_OFFSETS.name(), f -> f.list(hostCpus,
                "one per host CPU, machine.hypervisor.hostCpus = " + hostCpus, ValueTypes.offset(frequencyHz).reader()),
                Collections.nCopies(hostCpus, 0L)).value();
        List<Long> offsets = perVcpu(section, Hypervisor.TSC_OFFSETS.name(), vcpus,
                ValueTypes.offset(frequencyHz).reader(), 0L);
        List<Double> scaling = perVcpu(section, Hypervisor.TSC_SCALING.name(), vcpus, Hypervisor.RATIO.reader(), 1.0);
        StealSpec steal = steal(section.section(Hypervisor.STEAL));
        PvclockSpec pvclock = pvclock(section.section(Hypervisor.PVCLOCK));
        List<LiveMigration> migrations = section.value(Hypervisor.MIGRATIONS.name(),
                f -> f.list(-1, "", HypervisorReader::migration), List.<LiveMigration>of()).value();
        for (int i = 1; i < migrations.size(); i++) {
            LiveMigration previous = migrations.get(i - 1);
            if (migrations.get(i).atPs() < previous.atPs() + previous.downtimePs()) {
                section.errorAt(Hypervisor.MIGRATIONS.name(), "migration " + i + " starts before migration "
                        + (i - 1) + " has resumed: list them in time order, each after the previous downtime");
            }
        }
        if (kind == HypervisorKind.NONE) {
            for (String key : Hypervisor.GROUP.names()) {
                if (!key.equals(Hypervisor.KIND.name()) && section.has(key)) {
                    section.errorAt(key, "only applies when machine.hypervisor.kind is kvm");
                }
            }
        }
        return new HypervisorSpec(kind, hostCpus, hostOffsets, offsets, scaling, steal, pvclock, migrations);
    }

    private static StealSpec steal(Section steal) {
        double rate = steal.value(Hypervisor.STEAL_RATE.name(), Hypervisor.STEAL_RATE.type().reader(), 0.0).value();
        Distribution duration = steal.value(Hypervisor.STEAL_DURATION).value();
        return new StealSpec(rate, duration);
    }

    private static PvclockSpec pvclock(Section pvclock) {
        return new PvclockSpec(pvclock.value(Hypervisor.EXPOSED).value(), pvclock.value(Hypervisor.STABLE_BIT).value(),
                pvclock.value(Hypervisor.MASTER_CLOCK).value(), pvclock.value(Hypervisor.LAST_VALUE_GUARD).value(),
                pvclock.value(Hypervisor.LAST_VALUE_TRANSFER).value(), pvclock.value(Hypervisor.SYNC_PERIOD).value(),
                pvclock.value(Hypervisor.MASTER_UPDATE_PERIOD).value());
    }

    /** {@code {at: 2s, downtime: 50ms, frequency: 2.2GHz, scaled: false}}. */
    private static Optional<LiveMigration> migration(Field field) {
        Section migration = Section.of(field, "a migration such as {at: 2s, downtime: 50ms, frequency: 2.2GHz, "
                + "scaled: true}").allowOnly(Hypervisor.MIGRATIONS.names());
        Checked<Long> at = migration.required(Hypervisor.MIGRATION_AT, 0L);
        Checked<Long> downtime = migration.required(Hypervisor.MIGRATION_DOWNTIME, 0L);
        Checked<Double> frequency = migration.required(Hypervisor.MIGRATION_FREQUENCY, 1.0);
        Checked<Boolean> scaled = migration.required(Hypervisor.MIGRATION_SCALED, true);
        return at.valid() && downtime.valid() && frequency.valid() && scaled.valid()
                ? Optional.of(new LiveMigration(at.value(), downtime.value(), frequency.value(), scaled.value()))
                : Optional.empty();
    }

    /** A list with one entry per vCPU; {@code zero} for every vCPU when absent. */
    private static <T> List<T> perVcpu(Section section, String key, int vcpus, Function<Field, Optional<T>> item,
                                       T zero) {
        String reason = "one per vCPU, machine.sockets x machine.coresPerSocket = " + vcpus;
        return section.value(key, f -> f.list(vcpus, reason, item), Collections.nCopies(Math.max(0, vcpus), zero))
                .value();
    }
}
