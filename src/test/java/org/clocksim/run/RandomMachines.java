package org.clocksim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clocksim.config.ExperimentLoader;
import org.clocksim.engine.RandomStream;
import org.clocksim.experiment.Experiment;

/** Seeded random small machines for the tests that compare two ways of running the same experiment. */
final class RandomMachines {
    private RandomMachines() {
    }

    /**
     * Two sockets with random offsets, one to three cores each, Poisson migrations, one to three threads in an
     * independent loop, no or an exponential think time, and one of {@code sources} (a YAML list's contents).
     *
     * @param machineExtras lines indented under {@code machine:} after the TSC's offsets, drawn from the same
     *                      stream (none keeps the draws of a machine without them)
     */
    static Experiment random(int index, RandomStream random, long durationMs, String[] sources,
                             Function<RandomStream, List<String>> machineExtras) throws Exception {
        List<String> lines = new ArrayList<>(List.of(
                "name: random-" + index,
                "seed: " + random.nextLong(1, 1_000_000),
                "duration: " + durationMs + "ms",
                "machine:",
                "  sockets: 2",
                "  coresPerSocket: " + (1 + random.nextInt(3)),
                "  tsc:",
                "    socketOffset: [0ns, " + random.nextLong(0, 30_000) + "ns]",
                "    coreOffset: " + random.nextLong(0, 40) + "ns"));
        lines.addAll(machineExtras.apply(random));
        lines.addAll(List.of(
                "scheduler:",
                "  migration: { policy: poisson, rate: " + random.nextLong(200, 5000) + "/s, gap: "
                        + random.nextLong(1, 8) + "us }",
                "workload:",
                "  threads: " + (1 + random.nextInt(3)),
                "  pattern: independent",
                "  thinkTime: " + (random.nextInt(2) == 0 ? "0ns"
                        : "{ type: exponential, mean: " + random.nextLong(20, 500) + "ns }"),
                "  sources: [" + sources[random.nextInt(sources.length)] + "]",
                ""));
        return ExperimentLoader.parse(String.join("\n", lines), "random-" + index + ".yaml", List.of());
    }
}
