package org.clocksim.sweep;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * A metric over replications: the mean and its Student-t confidence interval at the given level
 * (commons-math3). With one replication the interval is the mean itself.
 */
public record Interval(double mean, double ciLow, double ciHigh, long n) {

    public static Interval of(List<Double> values, double level) {
        SummaryStatistics stats = new SummaryStatistics();
        values.forEach(stats::addValue);
        double mean = stats.getMean();
        if (stats.getN() < 2) {
            return new Interval(mean, mean, mean, stats.getN());
        }
        double t = new TDistribution(stats.getN() - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double half = t * stats.getStandardDeviation() / Math.sqrt(stats.getN());
        return new Interval(mean, mean - half, mean + half, stats.getN());
    }
}
