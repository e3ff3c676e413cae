package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.engine.Distribution;
import org.clocksim.kernel.KernelChange;
import org.clocksim.kernel.KernelRules;
import org.clocksim.kernel.KernelVersion;
import org.clocksim.kernel.VsyscallMode;
import org.clocksim.experiment.Experiment;
import org.clocksim.source.LatencyPreset;
import org.clocksim.source.SourceId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.clocksim.engine.TimeUnits;

/** {@code clocksim list sources|kernels|experiments [DIR]}: what there is to run. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the time sources (with each latency preset's median), the modelled kernel releases (what "
                + "changes at each), or the experiments in a folder.")
final class ListCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "WHAT", description = "sources, kernels or experiments")
    String what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DIR", description = "Folder of experiments (default: experiments).")
    Path dir = Path.of("experiments");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = switch (what) {
            case "sources" -> sources(out);
            case "kernels" -> kernels(out);
            case "experiments" -> experiments(out, err);
            default -> {
                err.println("list: expected sources, kernels or experiments, got '" + what + "'");
                yield Main.EXIT_BAD_CONFIG;
            }
        };
        out.flush();
        err.flush();
        return code;
    }

    private static int sources(PrintWriter out) {
        out.printf("%-26s %-62s %9s %9s %9s%n", "source", "reads", "mitigated", "bare", "2009");
        for (SourceId id : SourceId.values()) {
            out.printf("%-26s %-62s %9s %9s %9s%n", id.id(), id.description(), median(LatencyPreset.MODERN_MITIGATED, id),
                    median(LatencyPreset.MODERN_BARE, id), median(LatencyPreset.LEGACY_2009, id));
        }
        out.println("medians of each latency preset (vsyscall: emulated for the modern presets, native for 2009)");
        return 0;
    }

    private static String median(LatencyPreset preset, SourceId id) {
        if (!preset.had(id)) {
            return "-";
        }
        VsyscallMode mode = preset == LatencyPreset.LEGACY_2009 ? VsyscallMode.NATIVE : VsyscallMode.XONLY;
        Distribution latency = preset.latency(id, mode);
        Distribution body = latency instanceof Distribution.WithTail tail ? tail.body() : latency;
        long medianPs = body instanceof Distribution.LogNormal logNormal ? logNormal.median() : Math.round(body.expectedValue());
        return String.format("%.1f ns", TimeUnits.ns(medianPs));
    }

    /** Each modelled release and what changes at it (KernelRules.CHANGES), with the commit and source file. */
    private static int kernels(PrintWriter out) {
        out.printf("kernel.version: %s to %s (default %s)%n", KernelRules.OLDEST, KernelRules.NEWEST, KernelRules.NEWEST);
        for (KernelVersion release : KernelRules.releases()) {
            out.println();
            out.println(release);
            for (KernelChange change : KernelRules.CHANGES) {
                if (change.release().equals(release)) {
                    out.printf("  %-38s %s%n  %-38s   %s: %s%s%s%n", change.rule().title(), change.what(), "",
                            change.rule().source(), change.commit(),
                            change.releaseVerified() ? "" : " (release inferred from the commit's date)",
                            change.backports().isEmpty() ? "" : "; also in stable " + change.backports().stream()
                                    .map(KernelVersion::toString).collect(Collectors.joining(", ")));
                }
            }
        }
        return 0;
    }

    private int experiments(PrintWriter out, PrintWriter err) throws IOException {
        if (!Files.isDirectory(dir)) {
            err.println("list: " + dir + ": no such directory");
            return Main.EXIT_BAD_CONFIG;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path file : files) {
            try {
                Experiment experiment = ExperimentLoader.load(file, List.of());
                out.printf("%-30s %s%n", experiment.name(), experiment.description());
            } catch (ConfigException e) {
                out.printf("%-30s (invalid: %s)%n", file.getFileName(), e.errors().get(0));
            }
        }
        return 0;
    }
}
