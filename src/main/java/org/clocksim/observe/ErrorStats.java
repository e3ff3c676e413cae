package org.clocksim.observe;

/** Reading minus true time, in ns: its mean and its largest absolute value. */
public record ErrorStats(double meanNs, double maxAbsNs) {
}
