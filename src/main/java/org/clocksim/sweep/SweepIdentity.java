package org.clocksim.sweep;

import org.clocksim.config.ExperimentYaml;
import org.clocksim.config.SweepParameter;
import org.clocksim.config.SweepPlan;

/**
 * What makes two sweeps the same sweep: their resolved content (every point's fully resolved
 * experiment, the swept parameters and values, the replications, the confidence level and the
 * closed form), hashed ({@link PointHash}). Not the config's path, nor how it was typed, nor its
 * comments.
 */
record SweepIdentity(String hash) {
    static SweepIdentity of(SweepPlan plan) {
        StringBuilder content = new StringBuilder();
        part(content, "replications=" + plan.replications());
        part(content, "confidence=" + plan.confidence());
        part(content, "closedForm=" + plan.closedForm());
        for (SweepParameter parameter : plan.parameters()) {
            part(content, "parameter " + parameter.key() + "=" + String.join(",", parameter.values()));
        }
        for (SweepPlan.Point point : plan.points()) {
            part(content, "point " + point.index() + " " + point.values());
            part(content, ExperimentYaml.toYaml(point.experiment()));
        }
        return new SweepIdentity(PointHash.of(content.toString()));
    }

    /** Each part with its length first, so that no two different sequences of parts read alike. */
    private static void part(StringBuilder content, String part) {
        content.append(part.length()).append(':').append(part);
    }
}
