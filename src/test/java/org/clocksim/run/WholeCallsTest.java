package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
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
import org.clocksim.source.SourceId;
import org.clocksim.source.TimeSource;
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
        String[] sources = {"rdtsc", "rdtscp", "rdtsc, vdso-clock_gettime"};
        return RandomMachines.random(index, random, DURATION_MS, sources, draws -> List.of(
                "    drift: " + draws.nextLong(0, 200) + "ppm",
                "  events:",
                "    - { at: " + draws.nextLong(1, DURATION_MS) + "ms, core: 0, tscWrite: 1000cycles }"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void wholeCallsGiveTheSameNumbersAsStepByStep(String name, Experiment experiment) {
        for (List<SourceId> ids : ExperimentRunner.passes(experiment.workload())) {
            Pass.Outcome whole = outcome(experiment, ids, UnaryOperator.identity());
            Pass.Outcome stepByStep = outcome(experiment, ids, WholeCallsTest::stepByStep);
            assertThat(whole.sources()).as("%s, pass %s", name, ids).isEqualTo(stepByStep.sources());
            assertThat(whole.kernel()).isEqualTo(stepByStep.kernel());
            assertThat(whole.crossSource()).isEqualTo(stepByStep.crossSource());
        }
    }

    private static Pass.Outcome outcome(Experiment experiment, List<SourceId> ids, UnaryOperator<TimeSource> decorate) {
        Pass pass = new Pass(experiment, ids, new RandomStreams(experiment.seed(), 0), TieOrder.FIFO, decorate);
        return pass.runAll(experiment.durationPs(), experiment.output().skewSamples(), ProgressListener.NONE);
    }

    /** The source, with every call run step by step: it offers no whole call and passes every other method on. */
    private static TimeSource stepByStep(TimeSource source) {
        InvocationHandler passOn = (proxy, method, args) -> {
            if (method.getName().equals("wholeCall")) {
                return null;
            }
            try {
                return method.invoke(source, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (TimeSource) Proxy.newProxyInstance(TimeSource.class.getClassLoader(), new Class<?>[] {TimeSource.class},
                passOn);
    }
}
