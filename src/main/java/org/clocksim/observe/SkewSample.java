package org.clocksim.observe;

/** One core's counter offset at one moment, read at the nominal frequency. */
public record SkewSample(long timePs, int core, int socket, double offsetNs, double offsetFromCore0Ns) {
}
