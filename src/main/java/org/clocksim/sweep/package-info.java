/**
 * Parameter sweeps with replications: the points of a {@link org.clocksim.config.SweepPlan} run
 * in parallel, each replication written as a run's results directory; the metrics of each point
 * aggregated as means with Student-t confidence intervals into sweep.json and sweep.csv; resumable
 * after an interruption, shardable across machines and mergeable.
 *
 * <p>Depends on {@code config}, {@code run} and {@code report}.
 */
package org.clocksim.sweep;
