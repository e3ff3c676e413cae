package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.clocksim.config.ConfigException;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.engine.RandomStream;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.TieOrder;
import org.clocksim.experiment.Experiment;
import org.clocksim.source.Read;
import org.clocksim.source.SourceId;
import org.clocksim.source.SteadyCall;
import org.clocksim.source.TickCrossing;
import org.clocksim.source.TimeSource;
import org.clocksim.source.Timeline;
import org.clocksim.source.WholeCall;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact mode's whole calls ({@link WholeCall}) change no number: every pass of every shipped experiment, and of
 * seeded random machines with offsets, drift, TSC writes and migrations, gives the same results, kernel report
 * and cross-source figures, equal field by field, when every call runs step by step instead.
 */
class WholeCallsTest {
    private static final long DURATION_MS = 20;

    static Stream<Arguments> configs() throws Exception {
        List<Arguments> configs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("experiments"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                configs.add(Arguments.of(Path.of("experiments").relativize(file).toString(), shortened(file)));
            }
        }
        RandomStream random = new RandomStream(20261203);
        for (int i = 0; i < 6; i++) {
            configs.add(Arguments.of("random-" + i, randomConfig(i, random)));
        }
        return configs.stream();
    }

    private static Experiment shortened(Path file) throws Exception {
        try {
            Experiment experiment = ExperimentLoader.load(file, List.of("duration=" + DURATION_MS + "ms",
                    "replications=1", "simulation=exact"));
            return experiment.workload().threads() <= 16 ? experiment
                    : ExperimentLoader.load(file, List.of("duration=" + DURATION_MS / 10 + "ms", "replications=1",
                            "simulation=exact"));
        } catch (ConfigException eventsBeyondTheEnd) {
            return ExperimentLoader.load(file, List.of("replications=1", "simulation=exact"));
        }
    }

    /** Two sockets apart and drifting, a TSC write, migrations, one or more threads and counter-instruction sources. */
    private static Experiment randomConfig(int index, RandomStream random) throws Exception {
        String[] sources = {"[rdtsc]", "[rdtscp]", "[rdtsc, vdso-clock_gettime]"};
        String yaml = String.join("\n",
                "name: random-" + index,
                "seed: " + random.nextLong(1, 1_000_000),
                "duration: " + DURATION_MS + "ms",
                "machine:",
                "  sockets: 2",
                "  coresPerSocket: " + (1 + random.nextInt(3)),
                "  tsc:",
                "    socketOffset: [0ns, " + random.nextLong(0, 30_000) + "ns]",
                "    coreOffset: " + random.nextLong(0, 40) + "ns",
                "    drift: " + random.nextLong(0, 200) + "ppm",
                "  events:",
                "    - { at: " + random.nextLong(1, DURATION_MS) + "ms, core: 0, tscWrite: 1000cycles }",
                "scheduler:",
                "  migration: { policy: poisson, rate: " + random.nextLong(200, 5000) + "/s, gap: "
                        + random.nextLong(1, 8) + "us }",
                "workload:",
                "  threads: " + (1 + random.nextInt(3)),
                "  pattern: independent",
                "  thinkTime: " + (random.nextInt(2) == 0 ? "0ns"
                        : "{ type: exponential, mean: " + random.nextLong(20, 500) + "ns }"),
                "  sources: " + sources[random.nextInt(sources.length)],
                "");
        return ExperimentLoader.parse(yaml, "random-" + index + ".yaml", List.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void wholeCallsGiveTheSameNumbersAsStepByStep(String name, Experiment experiment) {
        for (List<SourceId> ids : ExperimentRunner.passes(experiment.workload())) {
            Pass.Outcome whole = outcome(experiment, ids, UnaryOperator.identity());
            Pass.Outcome stepByStep = outcome(experiment, ids, StepByStep::new);
            assertThat(whole.sources()).as("%s, pass %s", name, ids).isEqualTo(stepByStep.sources());
            assertThat(whole.kernel()).isEqualTo(stepByStep.kernel());
            assertThat(whole.crossSource()).isEqualTo(stepByStep.crossSource());
        }
    }

    private static Pass.Outcome outcome(Experiment experiment, List<SourceId> ids, UnaryOperator<TimeSource> decorate) {
        Pass pass = new Pass(experiment, ids, new RandomStreams(experiment.seed(), 0), TieOrder.FIFO, decorate);
        return pass.runAll(experiment.durationPs(), experiment.output().skewSamples(), ProgressListener.NONE);
    }

    /** The source, with every call run step by step. */
    private record StepByStep(TimeSource source) implements TimeSource {
        @Override
        public WholeCall wholeCall(Read last) {
            return null;
        }

        @Override
        public SourceId id() {
            return source.id();
        }

        @Override
        public double nsPerUnit() {
            return source.nsPerUnit();
        }

        @Override
        public double sinceEpochNs(long value) {
            return source.sinceEpochNs(value);
        }

        @Override
        public boolean readsTime() {
            return source.readsTime();
        }

        @Override
        public Timeline timeline() {
            return source.timeline();
        }

        @Override
        public boolean tickBased() {
            return source.tickBased();
        }

        @Override
        public SteadyCall steadyCall(Read last) {
            return source.steadyCall(last);
        }

        @Override
        public long coreBlindUntilPs() {
            return source.coreBlindUntilPs();
        }

        @Override
        public TickCrossing tickCrossing() {
            return source.tickCrossing();
        }

        @Override
        public Read open(int thread) {
            return source.open(thread);
        }

        @Override
        public long begin(Read read, long startPs) {
            return source.begin(read, startPs);
        }

        @Override
        public long step(Read read, long nowPs) {
            return source.step(read, nowPs);
        }
    }
}
