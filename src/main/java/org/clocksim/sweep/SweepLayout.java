package org.clocksim.sweep;

import java.nio.file.Path;
import org.clocksim.config.SweepPlan;
import org.clocksim.results.SummaryFile;
import org.clocksim.results.SweepFile;

/** Where a sweep's files live inside its results directory. */
final class SweepLayout {
    static final String PLAN_CONFIG = "sweep-config.yaml";
    static final String PLAN_ARGUMENTS = "sweep-arguments.json";
    static final String SWEEP_JSON = SweepFile.NAME;
    static final String SWEEP_CSV = "sweep.csv";
    static final String SHARD_JSON = "shard.json";
    static final String SUMMARY = SummaryFile.NAME;
    static final String POINT_CONFIG = "experiment.yaml";

    private SweepLayout() {
    }

    static String pointDirectory(SweepPlan.Point point) {
        return String.format("point-%03d", point.index());
    }

    static Path replication(Path sweep, SweepPlan.Point point, int replication) {
        return sweep.resolve(pointDirectory(point)).resolve("rep-" + replication);
    }
}
