/**
 * Runs an {@link org.clocksim.experiment.Experiment}: one pass per time source over the same machine and
 * schedule (common random numbers), possibly in parallel, gathered into {@link org.clocksim.run.RunResults}.
 *
 * <p>Depends on the model packages and {@code engine}; knows nothing of files or the command line.
 */
package org.clocksim.run;
