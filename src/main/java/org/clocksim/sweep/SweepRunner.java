package org.clocksim.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clocksim.config.ExperimentYaml;
import org.clocksim.config.SweepPlan;
import org.clocksim.report.ResultsDirectory;
import org.clocksim.report.RunWriter;
import org.clocksim.report.out.ResultsMarker;
import org.clocksim.report.out.ResultsTarget;
import org.clocksim.report.out.Siblings;
import org.clocksim.report.out.Trees;
import org.clocksim.run.ExperimentRunner;
import org.clocksim.run.ProgressListener;
import org.clocksim.run.RunResults;

/**
 * Runs a sweep: every (point, replication) task of the shard, on {@code threads} workers, each
 * written atomically as {@code point-NNN/rep-K/} (a run's results, without charts). The sweep is
 * built in a hidden sibling {@code .NAME.partial} and moved into place when complete, so the
 * results directory is never half-written; an interrupted sweep leaves its finished replications
 * there, and {@code resume} continues from them. Each replication depends only on its point and
 * index, so the output is the same whatever the number of workers, the shards or the
 * interruptions.
 */
public final class SweepRunner {
    private final int threads;
    private final SweepProgress progress;

    public SweepRunner(int threads, SweepProgress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.progress = progress;
    }

    /** The directory a sweep writing to {@code out} works in until it is complete. */
    public static Path partial(Path out) {
        Path absolute = out.toAbsolutePath().normalize();
        return absolute.resolveSibling("." + absolute.getFileName() + ".partial");
    }

    /**
     * Runs the sweep into {@code out}. The caller holds the target's {@link
     * org.clocksim.report.out.OutputClaim} (its lock covers {@code .NAME.partial} too).
     */
    public void run(SweepPlan plan, Path out, boolean resume, Shard shard) throws IOException {
        Path work = partial(out);
        prepareWork(work, out, resume);
        PlanFiles.write(plan, work);
        removeOtherPoints(plan, work);
        List<SweepTask> todo = new ArrayList<>();
        for (SweepPlan.Point point : plan.points()) {
            preparePoint(work, point);
            for (int k = 0; k < plan.replications(); k++) {
                SweepTask task = new SweepTask(point, k, plan.replications());
                if (shard.runs(task.number()) && !task.complete(work)) {
                    todo.add(task);
                }
            }
        }
        progress.start(todo.size());
        runAll(todo, work);
        finish(plan, work, shard);
        ResultsDirectory.moveIntoPlace(work, out);
    }

    /**
     * The partial directory, marked as a sweep's: started afresh, or, to resume, kept (or made from
     * the finished results in {@code out}). One that clocksim did not write is refused.
     */
    private static void prepareWork(Path work, Path out, boolean resume) throws IOException {
        ResultsTarget.of(work).checkReplaceable();
        if (!resume) {
            Trees.delete(work);
        }
        if (!Files.exists(work, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(work);
            if (resume && Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS) && ResultsMarker.present(out)) {
                Trees.copy(out, work, relative -> false);
            }
        }
        ResultsMarker.write(work, ResultsMarker.Kind.SWEEP);
    }

    /**
     * The point's resolved config; a point directory left by another config (its experiment.yaml
     * differs) is stale and starts again.
     */
    private static void preparePoint(Path work, SweepPlan.Point point) throws IOException {
        Path dir = work.resolve(SweepLayout.pointDirectory(point));
        String config = ExperimentYaml.toYaml(point.experiment());
        Path file = dir.resolve(SweepLayout.POINT_CONFIG);
        if (Files.exists(file) && !Files.readString(file).equals(config)) {
            Trees.delete(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(file, config, StandardCharsets.UTF_8);
        ResultsMarker.write(dir, ResultsMarker.Kind.SWEEP_POINT);
    }

    /** Point directories a different plan left behind (more points, say) are not this sweep's. */
    private static void removeOtherPoints(SweepPlan plan, Path work) throws IOException {
        Set<String> points = plan.points().stream().map(SweepLayout::pointDirectory).collect(Collectors.toSet());
        try (Stream<Path> children = Files.list(work)) {
            for (Path child : children.sorted().toList()) {
                String name = child.getFileName().toString();
                if (name.startsWith("point-") && !points.contains(name)) {
                    Trees.delete(child);
                }
            }
        }
    }

    /**
     * Runs the tasks; once one fails no further task starts (those already running finish and are
     * kept), so a failure stops the sweep promptly and deterministically.
     */
    private void runAll(List<SweepTask> tasks, Path work) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, tasks.size())));
        AtomicBoolean failed = new AtomicBoolean();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SweepTask task : tasks) {
                futures.add(pool.submit(() -> {
                    if (failed.get()) {
                        return null;
                    }
                    try {
                        runOne(task, work);
                    } catch (IOException | RuntimeException e) {
                        failed.set(true);
                        throw e;
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void runOne(SweepTask task, Path work) throws IOException {
        RunResults results = new ExperimentRunner(1, ProgressListener.NONE)
                .run(task.point().experiment(), task.replication());
        RunWriter.writeWithoutCharts(results, ExperimentYaml.toYaml(task.point().experiment()), task.directory(work));
        progress.done();
    }

    /**
     * A complete sweep gets its aggregate files; a shard records which shard it was. What
     * interrupted writers left (a replication's {@code .rep-K.tmp-*}) is removed first: the sweep
     * holds the target's lock, so nothing is still writing there.
     */
    static void finish(SweepPlan plan, Path work, Shard shard) throws IOException {
        removeWorkDirectories(work);
        RunWriter.writeProvenance(work);
        if (shard.isAll()) {
            Files.deleteIfExists(work.resolve(SweepLayout.SHARD_JSON));
            SweepAggregator.write(plan, work);
            SweepOutputs.render(work);
        } else {
            Files.writeString(work.resolve(SweepLayout.SHARD_JSON),
                    "{\n  \"shard\" : " + shard.index() + ",\n  \"of\" : " + shard.count() + "\n}\n",
                    StandardCharsets.UTF_8);
        }
    }

    /** The hidden work directories of replication writes, in the sweep's and its points' directories. */
    private static void removeWorkDirectories(Path work) throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(work));
        try (Stream<Path> children = Files.list(work)) {
            children.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                    && !Siblings.isWorkName(p.getFileName().toString())).sorted().forEach(dirs::add);
        }
        for (Path dir : dirs) {
            try (Stream<Path> children = Files.list(dir)) {
                for (Path child : children.sorted().toList()) {
                    if (Siblings.isWorkName(child.getFileName().toString())) {
                        Trees.delete(child);
                    }
                }
            }
        }
    }

    private static void await(Future<?> future) throws IOException {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted; finished replications are kept: run again with --resume", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
