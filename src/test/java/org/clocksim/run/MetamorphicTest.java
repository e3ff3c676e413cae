package org.clocksim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.clocksim.Ci;
import org.clocksim.TestSpecs;
import org.clocksim.engine.TieOrder;
import org.clocksim.experiment.Experiment;
import org.clocksim.observe.BackwardEvent;
import org.clocksim.observe.SourceResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metamorphic relations: changes to an experiment that must leave its results unchanged (exactly,
 * or within a 99 % interval) whatever the true values, so they need no closed form.
 */
class MetamorphicTest {
    private static RunResults run(Experiment experiment, int replication) {
        return new ExperimentRunner(1, ProgressListener.NONE).run(experiment, replication);
    }

    private static String list(int[] values, IntFunction<String> format) {
        return IntStream.of(values).mapToObj(format).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]")
                .orElse("[]");
    }

    /** Socket s of the relabelled machine is socket σ⁻¹(s) of the original: per-socket lists move with it. */
    private static int[] perSocket(int[] values, int[] permutation, int coresPerSocket) {
        int[] moved = new int[values.length];
        for (int s = 0; s < values.length; s++) {
            moved[permutation[s * coresPerSocket] / coresPerSocket] = values[s];
        }
        return moved;
    }

    private static int[] mapped(int[] cores, int[] permutation) {
        return IntStream.of(cores).map(c -> permutation[c]).toArray();
    }

    /**
     * Everything a run reports that must survive relabelling, with every core written through
     * {@code permutation}: counts, magnitudes, latencies, errors, each backward event.
     */
    private static List<String> fingerprint(RunResults results, int[] permutation) {
        List<String> lines = new ArrayList<>();
        for (SourceResult s : results.sources()) {
            lines.add(s.source().id() + " reads=" + s.reads() + " thread=" + s.thread() + " cross=" + s.crossThread()
                    + " causes=" + s.causes() + " total=" + s.eventsTotal() + " migratedReads=" + s.migratedReads()
                    + " cpuChangesSeen=" + s.cpuChangesSeen() + " kernel=" + s.kernel() + " error=" + s.error()
                    + " threads=" + s.threads() + " latency=" + s.latencyPs().getTotalCount() + "/"
                    + s.latencyPs().getMean() + "/" + s.latencyPs().getMaxValue());
            for (BackwardEvent e : s.events()) {
                lines.add(new BackwardEvent(e.timePs(), e.thread(), e.previousThread(), e.source(), e.kind(),
                        permutation[e.coreBefore()], permutation[e.coreAfter()], e.magnitudeNs(), e.cause()).toString());
            }
        }
        lines.add("kernel ticks=" + results.kernel().ticks() + " switches=" + results.kernel().switches()
                + " final=" + results.kernel().finalClocksource());
        return lines;
    }

    private static void assertRelabellingChangesNothing(IntFunction<String> configFor, int[] permutation, int cores) {
        int[] identity = IntStream.range(0, cores).toArray();
        RunResults original = run(TestSpecs.load(configFor.apply(0)), 0);
        Experiment relabelledExperiment = TestSpecs.load(configFor.apply(1));
        RunResults relabelled = run(relabelledExperiment, 0);
        assertThat(original.sources()).allSatisfy(s -> assertThat(s.reads()).isPositive());
        assertThat(original.sources().stream().mapToLong(SourceResult::eventsTotal).sum())
                .as("the relation is only worth checking when there are backward events").isPositive();
        assertThat(fingerprint(relabelled, identity)).containsExactlyElementsOf(fingerprint(original, permutation));
    }

    /**
     * 2 sockets × 1 core, the two sockets swapped: offsets and socket drifts reversed, placement
     * and the timekeeping CPU mapped. Exact because nothing random depends on a core's label here:
     * no per-core offset draws (coreOffset 0), no per-socket wander stream (wander 0), a Poisson
     * migration's "random other core" is the only other core (the draw is made either way), the
     * watchdog is off (auto: two packages with TSC_ADJUST), there is no sync check, and latency,
     * think and migration streams are per thread, not per core.
     */
    @Test
    void swappingTheSocketsOfATwoSocketMachineChangesNoCount() {
        int[] swap = {1, 0};
        int[] offsetsNs = {0, 3000};
        int[] driftPpm = {0, 150};
        int[] placement = {0, 1};
        IntFunction<String> config = relabelled -> {
            int[] p = relabelled == 1 ? swap : new int[] {0, 1};
            return """
                    seed: 5
                    duration: 40ms
                    machine:
                      sockets: 2
                      coresPerSocket: 1
                      tsc: { socketOffset: %s, socketDrift: %s, drift: 20ppm }
                    kernel: { timekeepingCpu: %d }
                    scheduler:
                      placement: %s
                      migration: { policy: poisson, rate: 3000/s, gap: { type: exponential, mean: 3us } }
                    workload:
                      threads: 2
                      thinkTime: { type: exponential, mean: 300ns }
                      sources: [rdtsc, rdtscp, vdso-clock_gettime, getcpu]
                    """.formatted(list(perSocket(offsetsNs, p, 1), v -> v + "ns"),
                    list(perSocket(driftPpm, p, 1), v -> v + "ppm"), p[0], list(mapped(placement, p), String::valueOf));
        };
        assertRelabellingChangesNothing(config, swap, 2);
    }

    static Stream<Arguments> permutationsOfTwoByTwo() {
        return Stream.of(Arguments.of("within sockets", new int[] {1, 0, 3, 2}),
                Arguments.of("sockets swapped", new int[] {2, 3, 0, 1}),
                Arguments.of("both", new int[] {3, 2, 1, 0}));
    }

    /**
     * 2 sockets × 2 cores relabelled by a permutation that maps sockets to sockets: explicit
     * placement, the ping-pong pair and the timekeeping CPU mapped, per-socket offsets and drifts
     * moved with their socket. Four threads hand a lock in random order (the order draws thread
     * numbers, not cores) while ping-ponging. Exact for the reasons of the two-core test; ping-pong
     * picks its destination from the pair, never at random, so more than two cores is fine.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("permutationsOfTwoByTwo")
    void relabellingTheCoresOfATwoByTwoMachineChangesNoCount(String name, int[] permutation) {
        int[] offsetsNs = {0, 2000};
        int[] driftPpm = {0, 80};
        int[] placement = {0, 1, 2, 3};
        int[] pingPong = {0, 2};
        IntFunction<String> config = relabelled -> {
            int[] p = relabelled == 1 ? permutation : new int[] {0, 1, 2, 3};
            return """
                    seed: 6
                    duration: 20ms
                    machine:
                      sockets: 2
                      coresPerSocket: 2
                      tsc: { socketOffset: %s, socketDrift: %s }
                    kernel: { timekeepingCpu: %d }
                    scheduler:
                      placement: %s
                      migration: { policy: ping-pong, interval: 150us, cores: %s, gap: { type: exponential, mean: 2us } }
                    workload:
                      threads: 4
                      pattern: lock-handoff
                      handoffOrder: random
                      handoffLatency: { type: exponential, mean: 300ns }
                      thinkTime: { type: exponential, mean: 500ns }
                      sources: [rdtsc, rdtscp, vdso-clock_gettime]
                    """.formatted(list(perSocket(offsetsNs, p, 2), v -> v + "ns"),
                    list(perSocket(driftPpm, p, 2), v -> v + "ppm"), p[0], list(mapped(placement, p), String::valueOf),
                    list(mapped(pingPong, p), String::valueOf));
        };
        assertRelabellingChangesNothing(config, permutation, 4);
    }

    /**
     * Many simultaneous events whose order is arbitrary: at HZ 1000 with no drift or NTP slew the
     * ticks fall on whole milliseconds, and so do the watchdog's checks (every 5 ms), the TSC writes
     * and the NTP frequency changes, the skew samples and the progress events. FIFO fires them in
     * the order they were scheduled; a random tie order shuffles them.
     */
    private static final String TIES = """
            seed: 12
            duration: 40ms
            machine:
              sockets: 2
              coresPerSocket: 2
              tsc: { socketOffset: [0ns, 800ns] }
              events: [{at: 4ms, core: 0, tscWrite: 1us}, {at: 8ms, core: 0, tscWrite: -1us},
                       {at: 12ms, core: 2, tscWrite: 700ns}, {at: 16ms, core: 2, tscWrite: -700ns},
                       {at: 20ms, core: 1, tscWrite: 1us}, {at: 30ms, core: 1, tscWrite: -1us}]
            kernel:
              hz: 1000
              watchdog: on
              watchdogInterval: 5ms
              ntp: { changes: [{at: 5ms, frequency: 400ppm}, {at: 10ms, frequency: -400ppm},
                               {at: 15ms, frequency: 0ppm}, {at: 25ms, frequency: 300ppm}] }
            scheduler:
              migration: { policy: poisson, rate: 4000/s, gap: { type: exponential, mean: 3us } }
            workload:
              threads: 4
              thinkTime: { type: exponential, mean: 1us }
              sources: [vdso-clock_gettime, rdtsc]
            output:
              skewSamples: 41
            """;

    private static double[] metric(List<RunResults> runs, int source, ToDoubleFunction<SourceResult> metric) {
        return runs.stream().mapToDouble(r -> metric.applyAsDouble(r.sources().get(source))).toArray();
    }

    /**
     * The same experiment run with FIFO and with a random tie order, over 12 replications each:
     * every statistic's mean difference has a 99 % interval (Welch) that contains 0. (At this
     * commit the two orders give identical source statistics replication by replication; only the
     * watchdog's measured skew at a check coinciding with a TSC write differs. The interval is the
     * contract, so a future model may differ by chance without failing.)
     */
    @Test
    void aRandomTieOrderChangesNoStatisticBeyondItsInterval() {
        Experiment experiment = TestSpecs.load(TIES);
        int replications = 12;
        ExperimentRunner fifo = new ExperimentRunner(1, ProgressListener.NONE);
        ExperimentRunner random = fifo.withTieOrder(TieOrder.random(99));
        List<RunResults> inOrder = new ArrayList<>();
        List<RunResults> shuffled = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            inOrder.add(fifo.run(experiment, k));
            shuffled.add(random.run(experiment, k));
        }
        List<ToDoubleFunction<SourceResult>> metrics = List.of(s -> s.thread().perMillion(),
                s -> s.thread().maxBackwardNs(), s -> s.reads(), s -> s.latencyPs().getMean(),
                s -> s.error().meanNs(), s -> s.kernel().retries());
        for (int source = 0; source < 2; source++) {
            for (int i = 0; i < metrics.size(); i++) {
                Ci.Interval difference = Ci.difference(metric(inOrder, source, metrics.get(i)),
                        metric(shuffled, source, metrics.get(i)));
                assertThat(difference.contains(0)).as("source %d metric %d: %s", source, i, difference).isTrue();
            }
        }
        assertThat(Arrays.stream(metric(inOrder, 0, s -> s.thread().backwardEvents())).sum())
                .as("backward events to compare").isPositive();
        // the ties were exercised: a watchdog check on the CPU whose TSC is written at the same instant
        // sees the write or not, depending on the order (both are possible on a real machine)
        assertThat(IntStream.range(0, replications)
                .filter(k -> !inOrder.get(k).kernel().watchdog().equals(shuffled.get(k).kernel().watchdog())))
                .as("replications whose watchdog saw a simultaneous TSC write differently").isNotEmpty();
    }

    /** A stationary run: one thread migrating across two sockets 3 µs apart, Poisson, pinned nowhere. */
    private static final String STATIONARY = """
            seed: 21
            duration: %s
            machine:
              sockets: 2
              coresPerSocket: 1
              tsc: { socketOffset: [0ns, 8us] }
            scheduler:
              migration: { policy: poisson, rate: 5000/s, gap: { type: exponential, mean: 4us } }
            workload:
              threads: 1
              thinkTime: 1us
              sources: [rdtsc]
            """;

    /**
     * Doubling the duration of a stationary process doubles its counts: migrations and backward
     * events per unit time over runs of T and of 2T (independent replications) have a 99 %
     * interval of their difference that contains 0.
     */
    @Test
    void doublingTheDurationDoublesTheCountsOfAStationaryProcess() {
        int replications = 10;
        Experiment once = TestSpecs.load(STATIONARY.formatted("100ms"));
        Experiment twice = TestSpecs.load(STATIONARY.formatted("200ms"));
        List<RunResults> shortRuns = new ArrayList<>();
        List<RunResults> longRuns = new ArrayList<>();
        for (int k = 0; k < replications; k++) {
            shortRuns.add(run(once, k));
            longRuns.add(run(twice, replications + k));
        }
        List<ToDoubleFunction<SourceResult>> counts = List.of(s -> s.threads().get(0).migrations(),
                s -> s.thread().backwardEvents(), s -> s.reads());
        for (ToDoubleFunction<SourceResult> count : counts) {
            double[] perShort = Arrays.stream(metric(shortRuns, 0, count)).toArray();
            double[] perLong = Arrays.stream(metric(longRuns, 0, count)).map(c -> c / 2).toArray();
            Ci.Interval difference = Ci.difference(perShort, perLong);
            assertThat(difference.contains(0)).as("%s", difference).isTrue();
            double ratio = Arrays.stream(perLong).sum() * 2 / Arrays.stream(perShort).sum();
            assertThat(ratio).isBetween(1.8, 2.2);
        }
    }
}
