package org.clocksim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.clocksim.calibrate.Calibration;
import org.clocksim.calibrate.CalibrationFiles;
import org.clocksim.calibrate.CalibrationWriter;
import org.clocksim.calibrate.Calibrator;
import org.clocksim.calibrate.CalibrationProgress;
import org.clocksim.calibrate.CpuChoice;
import org.clocksim.calibrate.CpuList;
import org.clocksim.calibrate.check.CheckComparison;
import org.clocksim.calibrate.facts.CpuTopology;
import org.clocksim.calibrate.facts.SystemFiles;
import org.clocksim.calibrate.probe.ProbeUnavailableException;
import org.clocksim.config.Units;
import org.clocksim.report.out.OutputClaim;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code clocksim calibrate}: measure this machine, write it as an experiment, compare with the simulation. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Measure this machine (x86-64 Linux, needs a C compiler) and write DIR/host.yaml (the host as an "
                + "experiment), calibration.json (raw measurements) and report.md (measured vs simulated).")
final class CalibrateCommand implements Callable<Integer> {
    /** The longest probe budget accepted: calibrate is meant to take seconds, not hours. */
    private static final long MAX_DURATION_MS = 600_000;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: results/calibration-HOSTNAME).")
    Path out;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "8s",
            description = "Time the probe measures for, shared among its phases (default: ${DEFAULT-VALUE}; at most 10min).")
    String duration;

    @Option(names = "--cpus", paramLabel = "LIST",
            description = "CPUs to measure on, e.g. 0-3,6 (default: every CPU of the topology).")
    String cpus;

    @Mixin
    ThreadsOption threadsOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        long budgetMs;
        CpuChoice chosen;
        try {
            budgetMs = Units.parseDurationPs(duration) / 1_000_000_000L;
            if (budgetMs < 100 || budgetMs > MAX_DURATION_MS) {
                throw new IllegalArgumentException("expected a duration from 100ms to 10min, got '" + duration + "'");
            }
            chosen = CpuChoice.of(cpus != null ? CpuList.parse(cpus) : defaultCpus(), SystemFiles.HOST);
        } catch (IllegalArgumentException e) {
            err.println((cpus != null && e.getMessage().contains("CPU list") ? "--cpus: " : "--duration: ") + e.getMessage());
            return Main.EXIT_BAD_CONFIG;
        }
        if (chosen.measured().isEmpty()) {
            err.println("--cpus: none of these CPUs can be measured: " + chosen.notMeasuredText());
            return Main.EXIT_BAD_CONFIG;
        }
        String hostname = hostname();
        String name = safeName("calibration-" + hostname);
        Path dir = out != null ? out : Path.of("results", name);
        Calibration calibration;
        try (ConsoleProgress bar = ConsoleProgress.counting("calibrate", PhaseProgress.ALL, " %")) {
            PhaseProgress progress = new PhaseProgress(err, bar);
            Calibrator calibrator;
            try {
                calibrator = Calibrator.prepare(SystemFiles.HOST, threadsOption.threads(), progress);
            } catch (ProbeUnavailableException e) {
                err.println("clocksim calibrate: cannot measure this machine: " + e.getMessage());
                return Main.EXIT_BAD_CONFIG;
            }
            try (OutputClaim claim = OutputClaim.acquire(dir, err::println)) {
                calibration = calibrator.measure(name, hostname, budgetMs, chosen);
                progress.accept("calibrate: writing " + dir);
                CalibrationWriter.write(calibration, dir);
                progress.finish();
            }
        }
        print(spec.commandLine().getOut(), calibration, dir);
        return 0;
    }

    /**
     * Where the phases go: with a console, the bar (the phase beside it, moved to the phase's share of
     * the whole); without one (logs, pipes), one line each on stderr.
     */
    private static final class PhaseProgress implements Consumer<String> {
        private static final int ALL = 100;
        private final PrintWriter err;
        private final ConsoleProgress bar;
        private final AtomicInteger done = new AtomicInteger();

        PhaseProgress(PrintWriter err, ConsoleProgress bar) {
            this.err = err;
            this.bar = bar;
        }

        @Override
        public void accept(String line) {
            if (!bar.shown()) {
                say(err, line);
                return;
            }
            bar.message(" " + line.replaceFirst("^calibrate: ", ""));
            CalibrationProgress.percentAt(line).ifPresent(this::moveTo);
        }

        void finish() {
            moveTo(ALL);
        }

        private void moveTo(int percent) {
            int before = done.getAndAccumulate(percent, Math::max);
            if (percent > before) {
                bar.advanced(percent - before);
            }
        }
    }

    private static List<Integer> defaultCpus() {
        List<Integer> all = CpuTopology.read(SystemFiles.HOST).cpus().stream().map(CpuTopology.Cpu::number).toList();
        return all.isEmpty() ? List.of(0) : all;
    }

    private static void say(PrintWriter err, String line) {
        err.println(line);
        err.flush();
    }

    private static void print(PrintWriter out, Calibration c, Path dir) {
        out.printf("%-28s %12s %12s%n", "source", "p50 (ns)", "batched (ns)");
        c.probe().latency().forEach(l -> out.printf(Locale.ROOT, "%-28s %12.1f %12.1f%n", l.source(), l.p50Ns(),
                l.batchedMedianNs()));
        for (CheckComparison check : c.checks()) {
            out.printf("check %-22s host %-5s simulated %s%n", check.check().id(), check.host().measured()
                    ? check.host().verdict() : check.host().verdict() + " (" + check.host().notMeasured() + ")",
                    check.simulated().map(o -> o.verdict()).orElse("-"));
        }
        c.cpus().notMeasured().forEach((cpu, why) -> out.println("cpu " + cpu + " not measured: " + why));
        out.println("results: " + dir + " (" + CalibrationFiles.HOST + ", " + CalibrationFiles.JSON + ", "
                + CalibrationFiles.REPORT + ")");
        out.flush();
    }

    private static String hostname() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        return new SystemFiles(Path.of("/")).read("/proc/sys/kernel/hostname").orElseGet(CalibrateCommand::resolvedHostname);
    }

    private static String resolvedHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "host";
        }
    }

    /** One safe directory and experiment name: letters, digits, . _ -, at most 100 characters. */
    static String safeName(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+", "");
        safe = safe.isEmpty() ? "calibration" : safe;
        return safe.length() > 100 ? safe.substring(0, 100) : safe;
    }
}
