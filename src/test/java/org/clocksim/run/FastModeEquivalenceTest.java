package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.SimulationMode;
import org.clocksim.experiment.Experiment;
import org.clocksim.report.SummaryJson;
import org.clocksim.workload.Pattern;
import org.clocksim.workload.WorkloadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fast mode against exact mode (issue 13; docs/PERFORMANCE.md, "Equivalence"): over every shipped
 * experiment fast mode applies to (independent loops, one pass per source), shortened, and over seeded
 * random configs, {@value #REPLICATIONS} replications in each mode. Every numeric figure of summary.json
 * must agree: the difference of the two modes' means lies within the 99 % Welch interval of that
 * difference (the two-sample form of "each mode's mean lies in the other's 99 % interval"), widened by
 * the figure's resolution (HdrHistogram's three digits for latencies). Per replication, the kernel's
 * decisions and the program's verdict are the same in both modes, and fast mode aggregated most reads of
 * the sources it can aggregate. The figures that cannot agree are listed in {@link #NOT_EQUIVALENT}.
 */
class FastModeEquivalenceTest {
    static final int REPLICATIONS = 10;
    private static final long DURATION_MS = 50;
    private static final double CONFIDENCE = 0.99;
    /**
     * Figures that cannot be equivalent (docs/PERFORMANCE.md): the largest latency comes from single
     * reads (fast mode's aggregated latencies come from a 2^16-draw reference, so the largest of
     * billions of draws is not reproduced); the run's identity. The largest error is compared within
     * one nanosecond (a reading's unit): it is the exact reads' around the blocks, the error being
     * affine in between but for the reading's rounding.
     */
    static final Set<String> NOT_EQUIVALENT = Set.of("latencyNs.max", "seed", "replication", "durationNs",
            "formatVersion", "aggregatedFraction");

    /**
     * Beyond this many threads each thread's own figures are not compared one by one: they are
     * exchangeable and their sums are the source's figures, which are compared; 12 threads' 48 figures
     * at 99 % each would fail by chance alone about once in two runs.
     */
    private static final int MAX_THREADS_COMPARED_ONE_BY_ONE = 4;

    /** Experiments with more threads than this (fast-64-cores-1h) run a tenth of {@link #DURATION_MS}: exact mode is slow. */
    private static final int MANY_THREADS = 16;

    static Stream<Arguments> configs() throws Exception {
        List<Arguments> configs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("experiments"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                Experiment experiment = shortened(file);
                if (experiment.workload().pattern() == Pattern.INDEPENDENT
                        && experiment.workload().mode() == WorkloadMode.PASSES) {
                    configs.add(Arguments.of(file.getFileName().toString(), experiment));
                }
            }
        }
        RandomStream random = new RandomStream(2026);
        for (int i = 0; i < 4; i++) {
            configs.add(Arguments.of("random-" + i, randomConfig(i, random)));
        }
        configs.add(Arguments.of("many-threads", manyThreads()));
        configs.add(Arguments.of("hpet-syscall", platformTimer("hpet")));
        configs.add(Arguments.of("acpi-pm-syscall", platformTimer("acpi_pm")));
        configs.add(Arguments.of("watchdog-switch", watchdogSwitch()));
        return configs.stream();
    }

    /** The experiment cut to {@link #DURATION_MS}, or at its own length when its scripted events come later. */
    private static Experiment shortened(Path file) throws Exception {
        try {
            Experiment experiment = ExperimentLoader.load(file, List.of("duration=" + DURATION_MS + "ms",
                    "replications=1"));
            return experiment.workload().threads() <= MANY_THREADS ? experiment
                    : ExperimentLoader.load(file, List.of("duration=" + DURATION_MS / 10 + "ms", "replications=1"));
        } catch (ConfigException eventsBeyondTheEnd) {
            return ExperimentLoader.load(file, List.of("replications=1"));
        }
    }

    /** A small machine with random offsets, migrations, threads, think time and one source. */
    private static Experiment randomConfig(int index, RandomStream random) throws Exception {
        String[] sources = {"rdtsc", "rdtscp", "vdso-clock_gettime", "vdso-clock_gettime-coarse"};
        return RandomMachines.random(index, random, DURATION_MS, sources, draws -> List.of());
    }

    /**
     * Many threads sharing cores, each migrating often across sockets 30 us apart, reading the vDSO
     * through ticks: each thread's stretches run across the other threads' migrations (scoped events),
     * so a stretch that wrongly ran across its own migration, or one of its core's, would lose backward
     * events by migration, and one across a tick its seqcount retries.
     */
    private static Experiment manyThreads() throws Exception {
        String yaml = String.join("\n",
                "name: many-threads",
                "seed: 4242",
                "duration: " + DURATION_MS + "ms",
                "machine:",
                "  sockets: 2",
                "  coresPerSocket: 4",
                "  tsc:",
                "    socketOffset: [0ns, 30us]",
                "scheduler:",
                "  migration: { policy: poisson, rate: 3000/s, gap: 2us }",
                "workload:",
                "  threads: 12",
                "  pattern: independent",
                "  thinkTime: { type: exponential, mean: 100ns }",
                "  sources: [vdso-clock_gettime]",
                "");
        return ExperimentLoader.parse(yaml, "many-threads.yaml", List.of());
    }

    /**
     * A machine booted on a platform timer: the vDSO falls back to the syscall, whose calls (the syscall's
     * latency and the timer's read, readings a timer period apart) fast mode aggregates too.
     */
    private static Experiment platformTimer(String clocksource) throws Exception {
        String yaml = String.join("\n",
                "name: " + clocksource + "-syscall",
                "seed: 977",
                "duration: " + DURATION_MS + "ms",
                "machine:",
                "  sockets: 2",
                "  coresPerSocket: 2",
                "kernel:",
                "  clocksource: " + clocksource,
                "scheduler:",
                "  migration: { policy: poisson, rate: 2000/s, gap: 5us }",
                "workload:",
                "  threads: 2",
                "  pattern: independent",
                "  thinkTime: { type: exponential, mean: 300ns }",
                "  sources: [vdso-clock_gettime, syscall-clock_gettime]",
                "");
        return ExperimentLoader.parse(yaml, clocksource + "-syscall.yaml", List.of());
    }

    /**
     * The watchdog switches to the HPET mid-run (a 10 ms interval, a 5 us margin, a socket drifting 1000 ppm: at
     * its first check on socket 1, about 30 ms in): fast mode aggregates the vDSO's TSC reads before and its
     * fallback to the syscall after, and each clocksource's latency must be its own reads'.
     */
    private static Experiment watchdogSwitch() throws Exception {
        String yaml = String.join("\n",
                "name: watchdog-switch",
                "seed: 31",
                "duration: " + DURATION_MS + "ms",
                "machine:",
                "  sockets: 2",
                "  coresPerSocket: 2",
                "  tsc:",
                "    socketDrift: [0ppm, 1000ppm]",
                "kernel:",
                "  watchdog: on",
                "  watchdogInterval: 10ms",
                "  watchdogMargin: 5us",
                "scheduler:",
                "  migration: { policy: poisson, rate: 2000/s, gap: 5us }",
                "workload:",
                "  threads: 2",
                "  pattern: independent",
                "  thinkTime: { type: exponential, mean: 100ns }",
                "  sources: [vdso-clock_gettime]",
                "");
        return ExperimentLoader.parse(yaml, "watchdog-switch.yaml", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void exactAndFastModesAgree(String name, Experiment experiment) {
        ExperimentRunner runner = new ExperimentRunner(2, ProgressListener.NONE);
        Map<String, SummaryStatistics> exact = new LinkedHashMap<>();
        Map<String, SummaryStatistics> fast = new LinkedHashMap<>();
        double aggregated = 0;
        for (int r = 0; r < REPLICATIONS; r++) {
            RunResults exactRun = runner.run(experiment.withSimulation(SimulationMode.EXACT), r);
            RunResults fastRun = runner.run(experiment.withSimulation(SimulationMode.FAST), r);
            assertThat(fastRun.kernel()).as("kernel decisions, replication %d", r).isEqualTo(exactRun.kernel());
            assertThat(fastRun.program() == null ? null : fastRun.program().verdict())
                    .as("program verdict, replication %d", r)
                    .isEqualTo(exactRun.program() == null ? null : exactRun.program().verdict());
            collect(SummaryJson.toJson(exactRun), "", exact);
            collect(SummaryJson.toJson(fastRun), "", fast);
            long reads = fastRun.sources().stream().mapToLong(s -> s.reads()).sum();
            aggregated += fastRun.sources().stream().mapToLong(s -> s.aggregatedReads()).sum() / (double) reads;
        }
        assertThat(fast.keySet().stream().filter(f -> !f.endsWith(".aggregatedFraction")).toList())
                .as("the same figures").isEqualTo(List.copyOf(exact.keySet()));
        List<String> disagreements = new ArrayList<>();
        boolean manyThreads = experiment.workload().threads() > MAX_THREADS_COMPARED_ONE_BY_ONE;
        for (String figure : exact.keySet()) {
            if (!NOT_EQUIVALENT.contains(leaf(figure)) && !(manyThreads && figure.contains(".threads["))) {
                String verdict = compare(exact.get(figure), fast.get(figure), resolution(figure),
                        absoluteResolution(figure));
                if (verdict != null) {
                    disagreements.add(figure + ": " + verdict);
                }
            }
        }
        assertThat(disagreements).as(name).isEmpty();
        if (name.startsWith("random") || name.startsWith("many") || name.endsWith("-syscall")
                || name.equals("quickstart.yaml")) {
            // every source of these can be aggregated: most reads are
            assertThat(aggregated / REPLICATIONS).as("mean fraction aggregated").isGreaterThan(0.4);
        }
    }

    private static String leaf(String figure) {
        String withoutIndex = figure.replaceAll("\\[\\d+]", "");
        int cut = withoutIndex.lastIndexOf('.', withoutIndex.lastIndexOf('.') - 1);
        String lastTwo = withoutIndex.substring(cut + 1);
        return lastTwo.startsWith("latencyNs.") ? lastTwo : withoutIndex.substring(withoutIndex.lastIndexOf('.') + 1);
    }

    /** HdrHistogram keeps three significant digits: a latency figure is known to 0.1 %. */
    private static double resolution(String figure) {
        return figure.contains("latencyNs") ? 1e-3 : 0;
    }

    /** Null when the means agree, else what differs. */
    /**
     * The largest error is the exact reads' (within one reading unit, 1 ns); the mean error of aggregated reads
     * is that of their two exact neighbours, each truncated to the nanosecond: a noisy estimate (its spread
     * between runs of selftest-inconsistency-check is about 0.02 ns, exact mode's 0.001), widened by 0.05 ns.
     */
    private static double absoluteResolution(String figure) {
        return figure.endsWith("errorNs.maxAbs") ? 1 : figure.endsWith("errorNs.mean") ? 0.05 : 0;
    }

    static String compare(SummaryStatistics exact, SummaryStatistics fast, double relativeResolution,
                          double absoluteResolution) {
        double difference = fast.getMean() - exact.getMean();
        double ve = exact.getVariance() / exact.getN();
        double vf = fast.getVariance() / fast.getN();
        double se = Math.sqrt(ve + vf);
        double halfWidth = relativeResolution * Math.abs(exact.getMean()) + absoluteResolution;
        if (se > 0) {
            double df = (ve + vf) * (ve + vf)
                    / (ve * ve / (exact.getN() - 1) + vf * vf / (fast.getN() - 1));
            halfWidth += new TDistribution(Math.max(1, df)).inverseCumulativeProbability(0.5 + CONFIDENCE / 2) * se;
        }
        if (Math.abs(difference) <= halfWidth + 1e-9 * Math.abs(exact.getMean())) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "exact %.6g (sd %.3g), fast %.6g (sd %.3g), 99%% half-width %.3g",
                exact.getMean(), exact.getStandardDeviation(), fast.getMean(), fast.getStandardDeviation(), halfWidth);
    }

    private static void collect(JsonNode node, String path, Map<String, SummaryStatistics> figures) {
        if (node.isNumber()) {
            figures.computeIfAbsent(path, p -> new SummaryStatistics()).addValue(node.asDouble());
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path.isEmpty() ? e.getKey()
                    : path + "." + e.getKey(), figures));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", figures);
            }
        }
    }
}
