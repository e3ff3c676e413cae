/**
 * The validated experiment: the immutable value a config file becomes (built by {@code config}) and the
 * only thing the runner, the model and the writers see of it.
 *
 * <p>Depends on the model's spec records ({@code hw}, {@code kernel}, {@code source}, {@code workload}) and
 * {@code engine}; never on {@code config}, {@code run} or {@code report}.
 */
package org.clocksim.experiment;
