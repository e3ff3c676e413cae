package org.clocksim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's latency files are read by HdrHistogram's own tools: the .hlog by HistogramLogReader. */
class LatencyFilesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theHistogramLogHoldsTheRunsHistogramInOneIntervalOverTheRun() throws IOException {
        Path out = tmp.resolve("quickstart");
        Cli cli = Cli.run("run", Path.of("experiments/quickstart.yaml"), "--out", out, "--set", "duration=20ms",
                "--no-charts");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        for (String source : List.of("rdtsc", "rdtscp")) {
            Path log = out.resolve("latency-" + source + ".hlog");
            assertThat(Files.readAllLines(log).get(0))
                    .isEqualTo("#experiment quickstart, seed 7, replication 0; call latency in simulated picoseconds "
                            + "(HistogramLogProcessor -outputValueUnitRatio 1000 prints ns)");
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            EncodableHistogram interval = reader.nextIntervalHistogram();
            assertThat(interval).as(source).isInstanceOf(Histogram.class);
            assertThat(reader.nextIntervalHistogram()).as("one interval").isNull();
            Histogram histogram = (Histogram) interval;
            JsonNode stats = summary.get("sources").get(source);
            assertThat(histogram.getTotalCount()).as(source).isPositive()
                    .isEqualTo(stats.get("reads").asLong() + stats.get("failedReads").asLong(0));
            assertThat(BigDecimal.valueOf(histogram.getMaxValue(), 3))
                    .isEqualByComparingTo(stats.get("latencyNs").get("max").decimalValue());
            assertThat(histogram.getStartTimeStamp()).isZero();
            assertThat(histogram.getEndTimeStamp()).isEqualTo(20);
        }
    }
}
