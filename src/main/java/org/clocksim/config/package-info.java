/**
 * Configuration: a YAML experiment file (plus {@code --set key.path=value} overrides) becomes a
 * validated, immutable {@link org.clocksim.experiment.Experiment}, and back ({@link
 * org.clocksim.config.ExperimentYaml}). Units ("2.4GHz", "3us", "30ppm", "2000/s") live in {@link
 * org.clocksim.config.Units}.
 *
 * <p>Flow: {@code YamlTreeParser} (text to a {@code YamlNode} tree that keeps line numbers) →
 * {@code Overrides} (edits the tree) → {@code ExperimentReader} and its section readers (tree to
 * records, collecting every error in {@code Problems}). Errors name file, line, key path and what
 * is expected.
 *
 * <p>May depend on the spec records of {@code run}, {@code hw}, {@code kernel}, {@code source},
 * {@code workload} and on {@code engine.Distribution}; nothing in the simulation depends on it.
 */
package org.clocksim.config;
