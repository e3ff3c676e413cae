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
import org.HdrHistogram.HistogramLogWriter;
import org.clocksim.observe.SourceResult;

/**
 * latency-SOURCE.csv: the percentile distribution of one source's call latency, in the layout of
 * HdrHistogram's percentile output (5 steps per halving of the distance to 100 %), percentiles to 12
 * significant digits (3 decimals made 22 % of the rows repeat one); and latency-SOURCE.hgrm, the same
 * distribution as HdrHistogram's own {@code outputPercentileDistribution} prints it (in ns), which
 * HdrHistogram's plotter and tools read; and latency-SOURCE.hlog, the histogram itself as a
 * HistogramLogWriter log of one interval (the whole run), values in picoseconds as recorded, which
 * {@code HistogramLogReader}, {@code HistogramLogProcessor} and HdrHistogram's log plotters read.
 */
final class LatencyCsv {
    private static final int TICKS_PER_HALF_DISTANCE = 5;
    private static final MathContext PERCENTILE_DIGITS = new MathContext(12);
    /** The histogram records picoseconds; the .hgrm shows nanoseconds. */
    private static final double PS_PER_NS = 1000.0;
    private static final double PS_PER_S = 1e12;

    private LatencyCsv() {
    }

    static String fileName(SourceResult source) {
        return "latency-" + source.source().id() + ".csv";
    }

    /** {@code durationPs}: the run's simulated time, the log's one interval. */
    static void write(SourceResult source, String identity, long durationPs, Path dir) throws IOException {
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
        writeLog(histogram, identity, durationPs, dir.resolve(hlogName(source)));
    }

    /**
     * The log: a comment naming the run and the unit, the format version, the legend, one interval from 0
     * to the run's end in simulated seconds (its max column in ns). No StartTime line: the run has no
     * wall-clock start, and its date would differ on every rerun.
     */
    private static void writeLog(Histogram histogram, String identity, long durationPs, Path file) throws IOException {
        try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter log = new HistogramLogWriter(out);
            log.outputComment(identity + "; call latency in simulated picoseconds (HistogramLogProcessor "
                    + "-outputValueUnitRatio 1000 prints ns)");
            log.outputLogFormatVersion();
            log.outputLegend();
            log.outputIntervalHistogram(0, durationPs / PS_PER_S, histogram, PS_PER_NS);
        }
    }

    static String hlogName(SourceResult source) {
        return "latency-" + source.source().id() + ".hlog";
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
