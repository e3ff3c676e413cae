package org.clocksim.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.ConfigException;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.ResultsDirectory;

/**
 * Combines the results directories of a sweep's shards into one, as if it had run on one machine:
 * the shards must come from the same config and arguments, and together hold every replication.
 */
public final class SweepMerger {
    private SweepMerger() {
    }

    public static void merge(List<Path> shards, Path out) throws IOException, ConfigException {
        if (shards.isEmpty()) {
            throw new IOException("nothing to merge: give the shards' results directories");
        }
        SweepPlan plan = PlanFiles.read(shards.get(0));
        String arguments = PlanFiles.arguments(plan);
        for (Path shard : shards) {
            if (!PlanFiles.present(shard) || !Files.readString(shard.resolve(SweepLayout.PLAN_CONFIG))
                    .equals(plan.yamlText()) || !Files.readString(shard.resolve(SweepLayout.PLAN_ARGUMENTS))
                    .equals(arguments)) {
                throw new IOException(shard + " is not a shard of the same sweep as " + shards.get(0));
            }
        }
        Path work = SweepRunner.partial(out);
        ResultsDirectory.deleteRecursively(work);
        Files.createDirectories(work);
        for (Path shard : shards) {
            ResultsDirectory.copyRecursively(shard, work);
        }
        List<String> missing = new ArrayList<>();
        for (SweepPlan.Point point : plan.points()) {
            for (int k = 0; k < plan.replications(); k++) {
                SweepTask task = new SweepTask(point, k, plan.replications());
                if (!task.complete(work)) {
                    missing.add(work.relativize(task.directory(work)).toString());
                }
            }
        }
        if (!missing.isEmpty()) {
            ResultsDirectory.deleteRecursively(work);
            throw new IOException("the shards lack " + missing.size() + " replications, e.g. " + missing.get(0)
                    + ": merge every shard, or run the missing ones with --resume");
        }
        SweepRunner.finish(plan, work, Shard.ALL);
        ResultsDirectory.moveIntoPlace(work, out);
    }
}
