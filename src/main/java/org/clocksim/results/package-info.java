/**
 * The results model: the records that summary.json and sweep.json are, the one class that writes
 * and reads each file (with its format version), the metric catalogue that expectations, sweeps
 * and reports name metrics from, and the provenance written beside the results. A model package:
 * it depends on nothing of clocksim but the ids of observe's causes and of the kernel's verdicts.
 */
package org.clocksim.results;
