package org.clocksim.calibrate.fit;

import java.util.Locale;
import org.clocksim.engine.Distribution;

/**
 * A fitted latency: a log-normal body plus, with probability {@code tailProbability}, an extra
 * exponential delay of mean {@code tailMeanNs} (clocksim's {@code {type: lognormal, median, sigma,
 * tailProbability, tailMean}}).
 */
public record LatencyFit(double medianNs, double sigma, double tailProbability, double tailMeanNs) {
    /**
     * The smallest median written: 0.1 ns, a quarter of a cycle at 2.5 GHz. A measured 0 is below the timer's
     * resolution (a few-ns call on a host whose timer steps by two cycles: getcpu and the coarse clock on a
     * 2.6 GHz EPYC guest); a median of clocksim's smallest read, 1 ps, made the host's simulation 2e10 reads,
     * which validate refuses.
     */
    public static final double MIN_MEDIAN_NS = 0.1;

    public LatencyFit {
        if (!(medianNs >= MIN_MEDIAN_NS) || !(sigma >= 0) || !(tailProbability >= 0 && tailProbability <= 1)
                || !(tailMeanNs >= 0)) {
            throw new IllegalArgumentException("not a latency fit: " + medianNs + ", " + sigma + ", "
                    + tailProbability + ", " + tailMeanNs);
        }
    }

    public boolean hasTail() {
        return tailProbability > 0 && tailMeanNs > 0;
    }

    /** As the engine samples it (picoseconds). */
    public Distribution distribution() {
        Distribution body = new Distribution.LogNormal(Math.round(medianNs * 1000), sigma);
        return hasTail() ? new Distribution.WithTail(body, tailProbability, Math.round(tailMeanNs * 1000)) : body;
    }

    /** As written in an experiment file: a flow mapping, durations in picoseconds (exact). */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder(String.format(Locale.ROOT, "{type: lognormal, median: %dps, sigma: %.4f",
                Math.round(medianNs * 1000), sigma));
        if (hasTail()) {
            yaml.append(String.format(Locale.ROOT, ", tailProbability: %.6f, tailMean: %dps", tailProbability,
                    Math.round(tailMeanNs * 1000)));
        }
        return yaml.append('}').toString();
    }
}
