package org.clocksim.report.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.clocksim.report.chart.NsUnit;
import org.clocksim.report.chart.Readable;
import org.clocksim.results.SourceMetric;

/**
 * The first lines of a sweep's report.md: for each source, the range of each backward figure over the
 * sweep and where its extremes are ("`rdtsc`: cross-thread max backward from 138 ns (at 1.85 µs) to
 * 1.94 µs (at 50 ns)"), and which stayed at zero.
 */
final class SweepHeadline {
    private SweepHeadline() {
    }

    static String of(Sweep sweep) {
        List<String> sentences = new ArrayList<>();
        for (String source : sweep.sources()) {
            List<String> ranges = new ArrayList<>();
            List<String> zero = new ArrayList<>();
            for (SourceMetric m : ReportedMetrics.HEADLINE) {
                Optional<Sweep.Point> low = extreme(sweep, source, m, false);
                Optional<Sweep.Point> high = extreme(sweep, source, m, true);
                if (low.isEmpty() || high.isEmpty()) {
                    continue;
                }
                double lo = mean(low.get(), source, m);
                double hi = mean(high.get(), source, m);
                if (hi == 0) {
                    zero.add(m.shortTitle());
                } else if (lo == hi) {
                    ranges.add(m.shortTitle() + " " + value(m, hi) + " at every point");
                } else if (lo == 0) {
                    long zeros = sweep.points().stream().filter(p -> p.estimate(source, m.sweepName())
                            .map(e -> e.mean() == 0).orElse(false)).count();
                    ranges.add(m.shortTitle() + " up to " + value(m, hi) + " (at " + at(sweep, high.get()) + "), 0 at "
                            + zeros + " of " + sweep.points().size() + " points");
                } else {
                    ranges.add(m.shortTitle() + " from " + value(m, lo) + " (at " + at(sweep, low.get()) + ") to "
                            + value(m, hi) + " (at " + at(sweep, high.get()) + ")");
                }
            }
            if (!ranges.isEmpty()) {
                sentences.add("`" + source + "`: " + String.join("; ", ranges)
                        + (zero.isEmpty() ? "" : "; " + String.join(" and ", zero) + " 0 throughout") + ".");
            } else if (!zero.isEmpty()) {
                sentences.add("`" + source + "` never went backwards at any point.");
            }
        }
        // several sources: one bullet each, so each source's figures read apart
        return sentences.size() <= 1 ? String.join("", sentences)
                : String.join("\n", sentences.stream().map(s -> "- " + s).toList());
    }

    /** The metric's value if every point has the same mean for it. */
    static OptionalDouble constant(Sweep sweep, String source, SourceMetric m) {
        double[] means = sweep.points().stream().flatMap(p -> p.estimate(source, m.sweepName()).stream())
                .mapToDouble(Sweep.Estimate::mean).distinct().toArray();
        return means.length == 1 ? OptionalDouble.of(means[0]) : OptionalDouble.empty();
    }

    private static Optional<Sweep.Point> extreme(Sweep sweep, String source, SourceMetric m, boolean highest) {
        Optional<Sweep.Point> best = Optional.empty();
        for (Sweep.Point p : sweep.pointsInOrder()) {
            Optional<Sweep.Estimate> e = p.estimate(source, m.sweepName());
            if (e.isPresent() && (best.isEmpty() || (highest ? e.get().mean() > mean(best.get(), source, m)
                    : e.get().mean() < mean(best.get(), source, m)))) {
                best = Optional.of(p);
            }
        }
        return best;
    }

    private static double mean(Sweep.Point p, String source, SourceMetric m) {
        return p.estimate(source, m.sweepName()).orElseThrow().mean();
    }

    static String value(SourceMetric m, double v) {
        return m.ns() ? Readable.ns(v) : AxisNumbers.significant(v, SweepReport.DIGITS);
    }

    /** A point by its parameter values, as shown: "50 ns", "100 µs, 10000/s". */
    private static String at(Sweep sweep, Sweep.Point p) {
        List<String> values = new ArrayList<>();
        sweep.parameters().forEach(param -> values.add(shown(sweep, param.key(), p.values().get(param.key()))));
        return String.join(", ", values);
    }

    /** A parameter value as a reader wants it: times in their unit ("3.16 µs", not "3.16us"), others as written. */
    static String shown(Sweep sweep, String key, String written) {
        if (!"ns".equals(sweep.unit(key))) {
            return written;
        }
        return sweep.points().stream().filter(p -> written.equals(p.values().get(key)))
                .map(p -> p.numericValues().get(key)).filter(v -> v != null).findFirst()
                .map(v -> v == 0 ? "0" : NsUnit.label(v)).orElse(written);
    }

    /** A key's last segment ({@code socketOffset[1]} of {@code machine.tsc.socketOffset[1]}), for table headers. */
    static String shortKey(String key) {
        return key.substring(key.lastIndexOf('.') + 1);
    }
}
