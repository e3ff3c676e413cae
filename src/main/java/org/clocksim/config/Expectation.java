package org.clocksim.config;

/**
 * One line of a config's {@code expect:} section: a metric of the run's summary and the condition
 * it must meet.
 *
 * @param subject   a source id, {@code kernel}, {@code program} or {@code crossSource}
 * @param metric    the metric's path under the subject ({@code latencyNs.p50},
 *                  {@code crossThread.backwardEvents}, {@code switches})
 * @param written   the condition as written, for reports
 * @param origin    file and line of the expectation, for reports
 */
public record Expectation(String subject, String metric, String written, Condition condition, String origin) {
    /** {@code rdtsc.backwardEvents >= 1}, {@code rdtsc.latencyNs.p50 in 10..20}, {@code kernel.finalClocksource == hpet} */
    public String describe() {
        String requirement;
        if (condition instanceof Condition.Between) {
            requirement = "in " + written;
        } else if (written.matches("[<>=!].*")) {
            requirement = written;
        } else {
            requirement = "== " + written;
        }
        return subject + "." + metric + " " + requirement;
    }
}
