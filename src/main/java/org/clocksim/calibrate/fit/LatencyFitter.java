package org.clocksim.calibrate.fit;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Fits a {@link LatencyFit} to measured percentiles:
 * <ul>
 * <li>body: a log-normal with median = p50 and sigma = ln(p90 / p50) / z(0.9), the spread of p50..p90 in
 *     log space; capped at ln(p99 / p50) / z(0.99), so that the body alone never puts p99 above the
 *     measured one; widened to ln(p99 / p50) / z(0.995) when the body would leave more than half of the
 *     1 % above p99 to the tail and the widening keeps the body's p90 within 5 % of the measured one (half
 *     of the 10 % the fit promises for p90: the tail fitted next delays a few percent of the calls, which moves
 *     the p90 of body and tail together further up, and a simulation of the fit has its sample's noise)
 *     (a p99 carried by a flat exponential tail sits on a cliff: a few reads more or less in the tail
 *     move it by a large factor; carried half by the body, it is where the body is steep);</li>
 * <li>tail: what the body leaves of the measured exceedance at p99 (1 %) and p99.9 (0.1 %), r99 and r999,
 *     is put on an exponential delay added with probability q: q·exp(−(x − median) / T) = r at both,
 *     so T = (p999 − p99) / ln(r99 / r999) and q = r99·exp((p99 − median) / T); a residual below a fifth
 *     of its exceedance is noise, and with only one residual left T = (p − median) / ln 10 at that
 *     percentile p (none: no tail). q is kept at most
 *     {@link #MAX_TAIL_PROBABILITY} so that the tail does not move the body's percentiles up to p90;
 *     T then follows from p99 alone.</li>
 * </ul>
 * Beyond p99.9 (preemption on a shared machine: milliseconds) nothing is fitted; the report shows
 * the difference.
 */
public final class LatencyFitter {
    static final double MAX_TAIL_PROBABILITY = 0.05;
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    private static final double Z90 = NORMAL.inverseCumulativeProbability(0.9);
    private static final double Z99 = NORMAL.inverseCumulativeProbability(0.99);
    private static final double Z995 = NORMAL.inverseCumulativeProbability(0.995);
    /** How far the widened body may move p90 from the measured one. */
    static final double P90_TOLERANCE = 0.05;
    /**
     * The part of an exceedance (1 % above p99, 0.1 % above p99.9) the body must leave unexplained for
     * a tail to be fitted: below it, the difference is the sample's noise, not a tail.
     */
    static final double SIGNIFICANT = 0.2;

    private LatencyFitter() {
    }

    public static LatencyFit fit(Percentiles measured) {
        double median = Math.max(measured.p50(), LatencyFit.MIN_MEDIAN_NS);
        double sigma = 0;
        if (measured.p90() > median) {
            sigma = Math.log(measured.p90() / median) / Z90;
            if (measured.p99() > median) {
                sigma = Math.min(sigma, Math.log(measured.p99() / median) / Z99);
            }
        }
        if (measured.p99() > median && bodyExceedance(median, sigma, measured.p99()) < 0.005) {
            double widened = Math.log(measured.p99() / median) / Z995;
            if (median * Math.exp(widened * Z90) <= (1 + P90_TOLERANCE) * Math.max(measured.p90(), median)) {
                sigma = Math.max(sigma, widened);
            }
        }
        double r99 = 0.01 - bodyExceedance(median, sigma, measured.p99());
        double r999 = 0.001 - bodyExceedance(median, sigma, measured.p999());
        boolean tail99 = r99 > SIGNIFICANT * 0.01 && measured.p99() > median;
        boolean tail999 = r999 > SIGNIFICANT * 0.001 && measured.p999() > median;
        if (!tail99 && !tail999) {
            return new LatencyFit(median, sigma, 0, 0);
        }
        double anchor = measured.p99();
        double residual = r99;
        double tailMean;
        if (tail99 && tail999 && r999 < r99 && measured.p999() > measured.p99()) {
            tailMean = (measured.p999() - measured.p99()) / Math.log(r99 / r999);
        } else if (tail99) {
            tailMean = (measured.p99() - median) / Math.log(10);
        } else {
            anchor = measured.p999();
            residual = r999;
            tailMean = (measured.p999() - median) / Math.log(10);
        }
        double probability = residual * Math.exp((anchor - median) / tailMean);
        if (probability > MAX_TAIL_PROBABILITY) {
            probability = MAX_TAIL_PROBABILITY;
            tailMean = (anchor - median) / Math.log(MAX_TAIL_PROBABILITY / residual);
        }
        return new LatencyFit(median, sigma, probability, tailMean);
    }

    /** P(body > x) for the log-normal body. */
    private static double bodyExceedance(double median, double sigma, double x) {
        if (x <= 0) {
            return 1;
        }
        if (sigma == 0) {
            return x < median ? 1 : 0;
        }
        return 1 - NORMAL.cumulativeProbability(Math.log(x / median) / sigma);
    }
}
