package org.clocksim.report;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.clocksim.observe.SourceResult;

/**
 * latency-SOURCE.csv: the percentile distribution of one source's call latency, in the layout of
 * HdrHistogram's percentile output (5 steps per halving of the distance to 100 %), percentiles to 12
 * significant digits (3 decimals made 22 % of the rows repeat one); and latency-SOURCE.hgrm, the same
 * distribution as HdrHistogram's own {@code outputPercentileDistribution} prints it (in ns), which
 * HdrHistogram's plotter and tools read.
 */
final class LatencyCsv {
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final MathContext PERCENTILE_DIGITS = new MathContext(12);
    /** The histogram records picoseconds; the .hgrm shows nanoseconds. */
    private static final double PS_PER_NS = 1000.0;

    private LatencyCsv() {
    }

    static String fileName(SourceResult source) {
        return "latency-" + source.source().id() + ".csv";
    }

    static void write(SourceResult source, String identity, Path dir) throws IOException {
        Histogram histogram = source.latencyPs();
        try (CsvFile csv = new CsvFile(dir.resolve(fileName(source)), identity, "percentile", "latencyNs", "totalCount")) {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
                csv.row(percentile(v.getPercentileLevelIteratedTo()),
                        Numbers.nsOfPs(v.getValueIteratedTo()), v.getTotalCountToThisValue());
            }
        }
        try (PrintStream hgrm = new PrintStream(Files.newOutputStream(dir.resolve(hgrmName(source))), false,
                StandardCharsets.UTF_8)) {
            if (histogram.getTotalCount() > 0) {
                histogram.outputPercentileDistribution(hgrm, TICKS_PER_HALF_DISTANCE, PS_PER_NS);
            }
        }
    }

    static String hgrmName(SourceResult source) {
        return "latency-" + source.source().id() + ".hgrm";
    }

    /** The exact double, to 12 significant digits: the same text on every JDK. */
    static String percentile(double value) {
        BigDecimal p = new BigDecimal(value).round(PERCENTILE_DIGITS);
        return p.signum() == 0 ? "0" : p.stripTrailingZeros().toPlainString();
    }
}
