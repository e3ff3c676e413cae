package org.clocksim.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.engine.RandomStreams;
import org.clocksim.experiment.Experiment;
import org.clocksim.run.Pass;
import org.clocksim.source.SourceId;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated reads per second against the host's own clock reads per second, in one run.
 *
 * <p>{@code simulatedRdtsc}: one thread doing back-to-back {@code rdtsc} reads (no think time) on the quickstart
 * machine (its migrations included); each invocation simulates 10 us, and the reads it completed
 * are counted as operations. {@code simulatedMixed}: the same machine, three passes in one JVM (rdtsc, vDSO
 * clock_gettime, syscall clock_gettime), one step of each per invocation, so the read path's call sites see
 * every kind of source (megamorphic, as in a real multi-source run); its reads are counted the same way.
 * {@code simulatedAlone}: one of the mixed benchmark's passes on its own in its JVM (JMH forks per benchmark and
 * parameter), so its call sites see one kind of source: the mixed run's invocation time against the sum of the
 * three alone is what several kinds in one JVM cost (docs/PERFORMANCE.md).
 * {@code simulatedFast}: the rdtsc thread in fast mode ({@code simulation: fast}), 10 ms per invocation.
 * {@code hostNanoTime}: {@link System#nanoTime()} calls per second.
 * Run from the repository root: see docs/PERFORMANCE.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadThroughputBenchmark {
    private static final long STEP_PS = 10_000_000;
    private static final long FAST_STEP_PS = 10_000_000_000L;

    private static final String MIXED_SOURCES = "[rdtsc, vdso-clock_gettime, syscall-clock_gettime]";

    /** The quickstart machine with one thread reading {@code sources} back to back, and further overrides. */
    static Experiment oneThreadQuickstart(String sources, String... overrides) throws Exception {
        List<String> all = new ArrayList<>(List.of("workload.threads=1", "workload.thinkTime=0ns",
                "workload.sources=" + sources));
        all.addAll(List.of(overrides));
        return ExperimentLoader.load(Path.of("experiments/quickstart.yaml"), all);
    }

    @State(Scope.Thread)
    public static class Simulated {
        Pass pass;
        long untilPs;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Experiment quickstart = oneThreadQuickstart("[rdtsc]");
            pass = new Pass(quickstart, List.of(SourceId.RDTSC), new RandomStreams(quickstart.seed(), 0));
        }
    }

    /** The same machine and thread as {@link Simulated}, in fast mode; each invocation simulates 10 ms. */
    @State(Scope.Thread)
    public static class Fast {
        Pass pass;
        long untilPs;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Experiment quickstart = oneThreadQuickstart("[rdtsc]", "simulation=fast");
            pass = new Pass(quickstart, List.of(SourceId.RDTSC), new RandomStreams(quickstart.seed(), 0));
        }
    }

    @State(Scope.Thread)
    public static class Mixed {
        final List<Pass> passes = new ArrayList<>();
        long untilPs;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Experiment quickstart = oneThreadQuickstart(MIXED_SOURCES);
            for (SourceId source : quickstart.workload().sources()) {
                passes.add(new Pass(quickstart, List.of(source), new RandomStreams(quickstart.seed(), 0)));
            }
        }
    }

    /** One pass of {@link Mixed}, alone in its JVM. */
    @State(Scope.Thread)
    public static class Alone {
        @Param({"rdtsc", "vdso-clock_gettime", "syscall-clock_gettime"})
        String source;
        Pass pass;
        long untilPs;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Experiment quickstart = oneThreadQuickstart(MIXED_SOURCES);
            SourceId id = quickstart.workload().sources().stream().filter(s -> s.id().equals(source))
                    .findFirst().orElseThrow();
            pass = new Pass(quickstart, List.of(id), new RandomStreams(quickstart.seed(), 0));
        }
    }

    /** Reads completed, reported by JMH as operations per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Reads {
        public long reads;

        @Setup(Level.Iteration)
        public void reset() {
            reads = 0;
        }
    }

    @Benchmark
    public void simulatedRdtsc(Simulated simulated, Reads counter) {
        simulated.untilPs += STEP_PS;
        runCounting(simulated.pass, simulated.untilPs, counter);
    }

    @Benchmark
    public void simulatedFast(Fast fast, Reads counter) {
        fast.untilPs += FAST_STEP_PS;
        runCounting(fast.pass, fast.untilPs, counter);
    }

    @Benchmark
    public void simulatedMixed(Mixed mixed, Reads counter) {
        mixed.untilPs += STEP_PS;
        for (Pass pass : mixed.passes) {
            runCounting(pass, mixed.untilPs, counter);
        }
    }

    @Benchmark
    public void simulatedAlone(Alone alone, Reads counter) {
        alone.untilPs += STEP_PS;
        runCounting(alone.pass, alone.untilPs, counter);
    }

    /** Simulates the pass up to {@code untilPs}, counting the reads it completed on the way. */
    private static void runCounting(Pass pass, long untilPs, Reads counter) {
        long before = pass.reads();
        pass.runUntil(untilPs);
        counter.reads += pass.reads() - before;
    }

    @Benchmark
    public long hostNanoTime() {
        return System.nanoTime();
    }
}
