package org.clocksim.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clocksim.engine.RandomStreams;
import org.clocksim.engine.TieOrder;
import org.clocksim.experiment.Experiment;
import org.clocksim.observe.SourceResult;
import org.clocksim.source.SourceId;
import org.clocksim.workload.WorkloadMode;
import org.clocksim.workload.WorkloadSpec;

/**
 * Runs an experiment: one pass per source, on up to {@code workers} threads. Passes share nothing
 * mutable and results are gathered in the config's source order, so the output does not depend on
 * the number of workers.
 *
 * <p>The tie order of the event queue is an option of the runner, not of the experiment: a
 * verification knob ({@code clocksim run --tie-order random}) whose statistics must not differ from
 * the default's. A random tie order gets its own seed per replication.
 */
public final class ExperimentRunner {
    private final int workers;
    private final ProgressListener progress;
    private final TieOrder tieOrder;

    public ExperimentRunner(int workers, ProgressListener progress) {
        this(workers, progress, TieOrder.FIFO);
    }

    private ExperimentRunner(int workers, ProgressListener progress, TieOrder tieOrder) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.progress = progress;
        this.tieOrder = Objects.requireNonNull(tieOrder, "tieOrder");
    }

    /** The same runner, firing simultaneous events in {@code order}. */
    public ExperimentRunner withTieOrder(TieOrder order) {
        return new ExperimentRunner(workers, progress, order);
    }

    public TieOrder tieOrder() {
        return tieOrder;
    }

    public RunResults run(Experiment experiment, int replication) {
        RandomStreams streams = new RandomStreams(experiment.seed(), replication);
        TieOrder order = tieOrder.forReplication(replication);
        List<List<SourceId>> passes = passes(experiment.workload());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, passes.size()));
        try {
            List<Future<Pass.Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < passes.size(); i++) {
                List<SourceId> ids = passes.get(i);
                int skewSamples = i == 0 ? experiment.output().skewSamples() : 0;
                futures.add(pool.submit(() -> new Pass(experiment, ids, streams, order)
                        .runAll(experiment.durationPs(), skewSamples, progress)));
            }
            List<SourceResult> results = new ArrayList<>();
            List<Pass.Outcome> outcomes = new ArrayList<>();
            for (Future<Pass.Outcome> future : futures) {
                Pass.Outcome outcome = await(future);
                outcomes.add(outcome);
                results.addAll(outcome.sources());
            }
            Pass.Outcome first = outcomes.get(0);
            return new RunResults(experiment, replication, results, first.skew(), first.kernel(), first.crossSource(),
                    Programs.evaluate(experiment, results, first.crossSource()));
        } finally {
            pool.shutdownNow();
        }
    }

    /** One pass per source, or one pass alternating between all of them. */
    static List<List<SourceId>> passes(WorkloadSpec workload) {
        if (workload.mode() == WorkloadMode.ALTERNATE) {
            return List.of(workload.sources());
        }
        return workload.sources().stream().map(List::of).toList();
    }

    /** How many passes a run makes (one per source, or one alternating between them). */
    public static int passCount(Experiment experiment) {
        return passes(experiment.workload()).size();
    }

    private static Pass.Outcome await(Future<Pass.Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a pass", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
