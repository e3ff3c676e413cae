package org.clocksim.config;

import org.clocksim.engine.SimulationMode;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.clocksim.config.ConfigSchema.Output;
import org.clocksim.config.ConfigSchema.Top;
import org.clocksim.hw.MachineSpec;
import org.clocksim.hw.PStateSpec;
import org.clocksim.hw.TscWrite;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.NtpSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.experiment.Experiment;
import org.clocksim.experiment.OutputSpec;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/** Turns a config tree into an {@link Experiment}, reporting every problem it finds. */
final class ExperimentReader {
    static final String AUTO = "auto";

    private ExperimentReader() {
    }

    /**
     * @param defaultName the name when the config has none (the file's base name)
     * @throws ConfigException with every problem collected in {@code problems}, this read's included
     */
    static Experiment read(YamlNode root, String defaultName, Problems problems) throws ConfigException {
        Section top = Section.root(root, problems).allowOnly(Top.ROOT.names());
        if (root instanceof YamlNode.Sequence || root instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            problems.throwIfAny(); // not a mapping: nothing else to say
        }
        String name = top.value(Top.NAME.name(), ExperimentReader::name, defaultName).value();
        String description = top.value(Top.DESCRIPTION).value();
        long seed = top.value(Top.SEED).value();
        Checked<Long> duration = top.required(Top.DURATION, 1L);
        long durationPs = duration.value();
        LatencyPreset preset = top.value(Top.LATENCY).value();
        SimulationMode simulation = top.value(Top.SIMULATION).value();
        Checked<MachineSpec> machine = MachineReader.read(top.section(ConfigSchema.Machine.GROUP));
        KernelSpec kernel = KernelReader.read(top.section(ConfigSchema.Kernel.GROUP), machine, preset);
        Checked<WorkloadSpec> workload = WorkloadReader.read(top.section(ConfigSchema.Workload.GROUP));
        if (workload.valid()) {
            workload.value().sources().stream().filter(id -> !preset.had(id)).findFirst().ifPresent(id ->
                    top.section("workload", "the workload").errorAt(ConfigSchema.Workload.SOURCES.name(), id.id() + " did not exist in "
                            + preset.id() + " (the vDSO of 2009 had no time(); glibc's time() called vsyscall-time)"));
        }
        SchedulerSpec scheduler = SchedulerReader.read(top.section(ConfigSchema.Scheduler.GROUP),
                machine, workload);
        SortedMap<SourceId, SourceSpec> sources = SourcesReader.read(
                top.section(ConfigSchema.Sources.GROUP.name(), "a mapping from source id to its settings"), workload, preset, kernel);
        OutputSpec output = output(top.section(Output.GROUP), workload);
        if (duration.valid()) {
            scheduledChanges(top, durationPs, machine.value(), kernel);
        }
        if (workload.valid()) {
            ExpectationReader.read(top.section(Top.EXPECT.name(), "a mapping of subjects to metrics"));
            ProgramRequirements.check(top.section("workload", "the workload"), workload.value(), kernel,
                    scheduler, sources);
        }
        problems.throwIfAny();
        return new Experiment(name, description, seed, durationPs, preset, machine.value(), kernel, scheduler,
                workload.value(), sources, output, simulation);
    }

    /** The scripted changes of the machine and of NTP, each before the end of the run. */
    private static void scheduledChanges(Section top, long durationPs, MachineSpec machine, KernelSpec kernel) {
        top.mappingAt(ConfigSchema.Machine.GROUP.name()).ifPresent(section -> {
            ScheduledChanges.requireBeforeEnd(section, ConfigSchema.Machine.EVENTS.name(),
                    machine.events().stream().map(TscWrite::atPs).toList(), durationPs);
            section.mappingAt(ConfigSchema.Tsc.GROUP.name()).ifPresent(tsc -> ScheduledChanges.requireBeforeEnd(tsc,
                    ConfigSchema.Tsc.PSTATES.name(),
                    machine.tsc().pstates().changes().stream().map(PStateSpec.Change::atPs).toList(), durationPs));
        });
        top.mappingAt(ConfigSchema.Kernel.GROUP.name()).flatMap(section -> section.mappingAt(ConfigSchema.Ntp.GROUP.name()))
                .ifPresent(ntp -> ScheduledChanges.requireBeforeEnd(ntp, ConfigSchema.Ntp.CHANGES.name(),
                        kernel.ntp().changes().stream().map(NtpSpec.Change::atPs).toList(), durationPs));
    }

    private static Optional<String> name(Field field) {
        return field.text().filter(name -> ExperimentName.isSafe(name)
                || field.reject(ExperimentName.RULE + ", got '" + ExperimentName.quoted(name) + "'"));
    }

    private static OutputSpec output(Section output, Checked<WorkloadSpec> workload) {
        int maxBackwardEvents = output.value(Output.MAX_BACKWARD_EVENTS).value();
        int skewSamples = output.value(Output.SKEW_SAMPLES).value();
        int traceThread = output.value(Output.TRACE_THREAD, f -> traceThread(f, workload)).value();
        return new OutputSpec(maxBackwardEvents, skewSamples, traceThread);
    }

    /** {@code auto} or a thread index. */
    private static Optional<Integer> traceThread(Field field, Checked<WorkloadSpec> workload) {
        if (field.text().filter(AUTO::equals).isPresent()) {
            return Optional.of(OutputSpec.AUTO_TRACE_THREAD);
        }
        int threads = workload.valid() ? workload.value().threads() : Integer.MAX_VALUE;
        return field.integerIn(0, threads - 1, AUTO + " or a thread index in [0, " + (threads - 1) + "]");
    }
}
