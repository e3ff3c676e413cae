package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clocksim.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * 8 sockets of 128 cores: the per-core charts aggregate (a core × core heatmap and a line per core
 * made SVGs of hundreds of MB), so every chart stays small and says what it shows.
 */
class ManyCoresChartsTest {
    private static final long MAX_CHART_BYTES = 5_000_000;

    @TempDir
    static Path tmp;

    private static Path out;

    @BeforeAll
    static void run() throws IOException {
        Path config = tmp.resolve("big.yaml");
        Files.writeString(config, """
                name: big
                duration: 2ms
                machine:
                  sockets: 8
                  coresPerSocket: 128
                  tsc: {socketOffset: [0ns, 1us, 2us, 3us, 4us, 5us, 6us, 7us], coreOffset: 10ns}
                scheduler: {migration: {policy: poisson, rate: 1000/s, gap: 5us}}
                workload:
                  threads: 2
                  thinkTime: {type: exponential, mean: 200ns}
                  sources: [rdtsc, vdso-clock_gettime]
                """);
        out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run", config.toString(),
                "--out", out.toString());
        assertThat(code).as(err.toString()).isZero();
    }

    @Test
    void everyChartFileIsUnderFiveMegabytes() throws IOException {
        List<Path> charts;
        try (Stream<Path> files = Files.list(out)) {
            charts = files.filter(f -> f.toString().endsWith(".svg") || f.toString().endsWith(".png")
                    || f.toString().endsWith(".md")).toList();
        }
        assertThat(charts).extracting(f -> f.getFileName().toString()).contains("skew.svg", "core-offsets.svg");
        for (Path chart : charts) {
            assertThat(Files.size(chart)).as(chart.getFileName().toString()).isLessThan(MAX_CHART_BYTES);
        }
    }

    @Test
    void theSkewChartsDrawEachSocketsExtremesAndSaySo() {
        Results results = ResultsFixture.read(out);
        for (XYChart chart : List.of(SkewChart.fromTrueTime(results), SkewChart.fromCore0(results))) {
            assertThat(chart.getTitle()).contains("per-socket extremes of 1024 cores");
            List<String> lines = chart.getSeriesCollection().stream().filter(XYSeries::isShowInLegend)
                    .map(XYSeries::getName).toList();
            assertThat(lines).hasSize(16).contains("highest core (socket 0, 128 cores)",
                    "lowest core (socket 7, 128 cores)");
        }
    }

    @Test
    void theEnvelopeHoldsTheSocketsHighestAndLowestCore() {
        Results results = ResultsFixture.read(out);
        XYChart chart = SkewChart.fromTrueTime(results);
        double lastTime = results.skew().stream().mapToDouble(Results.Skew::timeNs).max().orElseThrow();
        double highestNs = results.skew().stream().filter(s -> s.socket() == 3 && s.timeNs() == lastTime)
                .mapToDouble(Results.Skew::offsetNs).max().orElseThrow();
        double[] upper = chart.getSeries("highest core (socket 3, 128 cores)").getYData();
        // the chart draws in µs
        assertThat(upper[upper.length - 1] * 1000).isCloseTo(highestNs, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void theOffsetsHeatmapComparesSocketsAndSaysSo() {
        HeatMapChart chart = (HeatMapChart) CoreOffsetsChart.build(ResultsFixture.read(out));
        assertThat(chart.getTitle()).contains("mean offset per socket, 1024 cores");
        assertThat(chart.getXAxisTitle()).isEqualTo("column: socket j");
        assertThat(chart.getHeatMapSeries().getHeatData()).hasSize(8 * 8);
    }
}
