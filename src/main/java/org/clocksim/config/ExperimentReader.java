package org.clocksim.config;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.clocksim.hw.MachineSpec;
import org.clocksim.kernel.KernelSpec;
import org.clocksim.kernel.SchedulerSpec;
import org.clocksim.run.Experiment;
import org.clocksim.run.OutputSpec;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import org.clocksim.source.SourceSpec;
import org.clocksim.workload.WorkloadSpec;

/** Turns a config tree into an {@link Experiment}, reporting every problem it finds. */
final class ExperimentReader {
    static final List<String> KEYS = List.of(
            "name", "description", "seed", "duration", "latency", "machine", "kernel", "scheduler", "workload",
            "sources", "output", "replications", "sweep", "expect");
    static final List<String> OUTPUT_KEYS = List.of("maxBackwardEvents", "skewSamples", "traceThread");
    static final String AUTO = "auto";

    private ExperimentReader() {
    }

    /**
     * @param defaultName the name when the config has none (the file's base name)
     * @throws ConfigException with every problem collected in {@code problems}, this read's included
     */
    static Experiment read(YamlNode root, String defaultName, Problems problems) throws ConfigException {
        Section top = Section.root(root, problems).allowOnly(KEYS);
        if (root instanceof YamlNode.Sequence || root instanceof YamlNode.Scalar scalar && !scalar.isNull()) {
            problems.throwIfAny(); // not a mapping: nothing else to say
        }
        String name = top.value("name", ExperimentReader::name, defaultName).value();
        String description = top.value("description", Field::text, "").value();
        long seed = top.value("seed", f -> f.longValue("expected an integer"), 1L).value();
        long durationPs = top.required("duration", "a duration > 0 such as 200ms",
                Field::positiveDurationPs, 1L).value();
        LatencyPreset preset = top.value("latency",
                f -> f.oneOf("latency preset", LatencyPreset.values(), LatencyPreset::id),
                LatencyPreset.MODERN_MITIGATED).value();
        Checked<MachineSpec> machine = MachineReader.read(top.section("machine", MachineReader.KEYS));
        KernelSpec kernel = KernelReader.read(top.section("kernel", KernelReader.KEYS), machine, preset);
        Checked<WorkloadSpec> workload = WorkloadReader.read(top.section("workload", WorkloadReader.KEYS));
        if (workload.valid() && !preset.hasVdso()) {
            workload.value().sources().stream().filter(SourceId::vdso).findFirst().ifPresent(id ->
                    top.section("workload", "the workload").errorAt("sources", id.id() + " did not exist in "
                            + preset.id() + " (no vDSO yet); use vsyscall-* or syscall-* sources"));
        }
        SchedulerSpec scheduler = SchedulerReader.read(top.section("scheduler", SchedulerReader.KEYS),
                machine, workload);
        SortedMap<SourceId, SourceSpec> sources = SourcesReader.read(
                top.section("sources", "a mapping from source id to its settings"), workload, preset, kernel.vsyscall());
        OutputSpec output = output(top.section("output", OUTPUT_KEYS), workload);
        if (workload.valid()) {
            ExpectationReader.read(top.section("expect", "a mapping of subjects to metrics"));
            ProgramRequirements.check(top.section("workload", "the workload"), workload.value(), kernel,
                    scheduler, sources);
        }
        problems.throwIfAny();
        return new Experiment(name, description, seed, durationPs, preset, machine.value(), kernel, scheduler,
                workload.value(), sources, output);
    }

    private static Optional<String> name(Field field) {
        return field.text().filter(name -> !name.isBlank() && !name.contains("/") && !name.contains("\\")
                || field.reject("expected a name usable as a directory name (not empty, no '/' or '\\'), got '"
                        + name + "'"));
    }

    private static OutputSpec output(Section output, Checked<WorkloadSpec> workload) {
        int maxBackwardEvents = output.value("maxBackwardEvents", f -> f.integerAtLeast(0), 10_000).value();
        int skewSamples = output.value("skewSamples", f -> f.integerAtLeast(2),
                OutputSpec.DEFAULT_SKEW_SAMPLES).value();
        int traceThread = output.value("traceThread", f -> traceThread(f, workload),
                OutputSpec.AUTO_TRACE_THREAD).value();
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
