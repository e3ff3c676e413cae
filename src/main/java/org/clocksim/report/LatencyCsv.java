package org.clocksim.report;

import java.io.IOException;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.clocksim.observe.SourceResult;

/**
 * latency-SOURCE.csv: the percentile distribution of one source's call latency, in the layout of
 * HdrHistogram's percentile output (5 steps per halving of the distance to 100 %).
 */
final class LatencyCsv {
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private LatencyCsv() {
    }

    static String fileName(SourceResult source) {
        return "latency-" + source.source().id() + ".csv";
    }

    static void write(SourceResult source, Path dir) throws IOException {
        Histogram histogram = source.latencyPs();
        try (CsvFile csv = new CsvFile(dir.resolve(fileName(source)), "percentile", "latencyNs", "totalCount")) {
            if (histogram.getTotalCount() == 0) {
                return;
            }
            for (HistogramIterationValue v : histogram.percentiles(TICKS_PER_HALF_DISTANCE)) {
                csv.row(Numbers.text(v.getPercentileLevelIteratedTo()),
                        Numbers.nsOfPs(v.getValueIteratedTo()), v.getTotalCountToThisValue());
            }
        }
    }
}
