package org.clocksim.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clocksim.config.ConfigException;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.report.out.Siblings;
import org.clocksim.report.out.Trees;
import org.clocksim.report.out.UnusablePathException;

/**
 * Combines the results directories of a sweep's shards into one, as if it had run on one machine:
 * the shards must be of the same sweep (the same resolved content, {@link SweepIdentity}, however
 * the config's path was typed) and together hold every replication. The caller holds the target's
 * {@link org.clocksim.report.out.OutputClaim}.
 */
public final class SweepMerger {
    private SweepMerger() {
    }

    public static void merge(List<Path> shards, Path out) throws IOException, ConfigException {
        if (shards.isEmpty()) {
            throw new UnusablePathException("nothing to merge: give the shards' results directories");
        }
        SweepPlan plan = PlanFiles.read(shards.get(0));
        SweepIdentity identity = SweepIdentity.of(plan);
        for (Path shard : shards.subList(1, shards.size())) {
            if (!SweepIdentity.of(PlanFiles.read(shard)).equals(identity)) {
                throw new UnusablePathException(shard + " is not a shard of the same sweep as " + shards.get(0)
                        + ": their resolved configs, parameters or replications differ");
            }
        }
        Path work = Siblings.createDirectory(out.toAbsolutePath().normalize(), Siblings.Role.TMP);
        try {
            for (Path shard : shards) {
                Trees.copy(shard, work, relative -> false);
            }
            requireComplete(plan, work);
            SweepRunner.finish(plan, work, Shard.ALL);
            ResultsMarker.write(work, ResultsMarker.Kind.MERGE);
            ResultsDirectory.moveIntoPlace(work, out);
        } catch (Throwable e) {
            Trees.deleteAfter(work, e);
            throw e;
        }
    }

    private static void requireComplete(SweepPlan plan, Path work) throws UnusablePathException {
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
            throw new UnusablePathException("the shards lack " + missing.size() + " replications, e.g. "
                    + missing.get(0) + ": merge every shard, or run the missing ones with --resume");
        }
    }
}
