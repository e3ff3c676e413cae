package org.clocksim.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import org.clocksim.config.SweepPlan;

/** One replication of one point; tasks are numbered point by point, replication by replication. */
record SweepTask(SweepPlan.Point point, int replication, int replications) {

    int number() {
        return point.index() * replications + replication;
    }

    Path directory(Path sweep) {
        return SweepLayout.replication(sweep, point, replication);
    }

    /** Its results directory is complete (it is written atomically, summary.json included). */
    boolean complete(Path sweep) {
        return Files.isRegularFile(directory(sweep).resolve(SweepLayout.SUMMARY));
    }
}
