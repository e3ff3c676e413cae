package org.clocksim.config;

import java.util.Comparator;
import java.util.List;
import org.clocksim.experiment.Experiment;

/**
 * What a run of an experiment will cost, estimated from its durations and rates before it runs:
 * the events of the simulation, the reads of the program, the thread wake-ups of the engine (at
 * every event it brings each independent thread up to date) and the memory. Each total is the sum
 * of parts, each part named by the config key that drives it, so a refusal can say which key to
 * change. The estimate is meant to be within a factor of two of what a run does (tested against
 * actual runs); it errs on the high side where the model's details (fallback paths, migration
 * stalls under a lock) would need the simulation itself.
 *
 * @param passes how many passes the run makes (one per source, or one for an alternating workload)
 * @param parts  every contribution, all passes included
 */
public record WorkEstimate(int passes, List<Part> parts) {

    public WorkEstimate {
        parts = List.copyOf(parts);
    }

    /** What is counted. */
    public enum Resource {
        EVENTS("events", "events"),
        READS("reads", "reads"),
        WAKEUPS("wakeups", "thread wake-ups"),
        MEMORY("memory", "bytes");

        private final String key;
        private final String unit;

        Resource(String key, String unit) {
            this.key = key;
            this.unit = unit;
        }

        /** The name of its limit ({@code --limit events=1e9}). */
        public String key() {
            return key;
        }

        /** What an amount of it counts, in a message. */
        public String unit() {
            return unit;
        }
    }

    /**
     * One contribution to a total.
     *
     * @param key    the config key that drives it, as the user writes it
     * @param amount how much, all passes included
     * @param what   how it comes about, for a message ("1ps gives 2e10 migrations per pass over 20ms")
     */
    public record Part(Resource resource, String key, double amount, String what) {
    }

    /** The total of a resource. */
    public double total(Resource resource) {
        return parts.stream().filter(p -> p.resource() == resource).mapToDouble(Part::amount).sum();
    }

    /** The largest contribution to a resource, the one to name when it is over its limit. */
    public Part largest(Resource resource) {
        return parts.stream().filter(p -> p.resource() == resource).max(Comparator.comparingDouble(Part::amount))
                .orElseThrow();
    }

    public static WorkEstimate of(Experiment experiment) {
        return new WorkEstimator(experiment).estimate();
    }
}
