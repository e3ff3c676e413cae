package org.clocksim.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;
import org.clocksim.results.Metrics;
import org.clocksim.results.SourceMetric;

class SweepChartsTest {
    @TempDir
    Path tmp;

    private static XYSeries series(XYChart chart, String name) {
        XYSeries series = chart.getSeries(name);
        assertThat(series).as("series " + name + " of " + chart.getTitle()).isNotNull();
        return series;
    }

    /** The [low, high] of each bar of a "LINE CI" series, in order: its vertical segments (same x, both finite). */
    private static List<double[]> bars(XYSeries ci) {
        List<double[]> bars = new ArrayList<>();
        double[] x = ci.getXData();
        double[] y = ci.getYData();
        for (int i = 0; i + 1 < x.length; i++) {
            if (x[i] == x[i + 1] && Double.isFinite(y[i]) && Double.isFinite(y[i + 1])) {
                bars.add(new double[] {y[i], y[i + 1]});
            }
        }
        return bars;
    }

    @ParameterizedTest
    @ValueSource(strings = {SweepFixture.HANDOFF, SweepFixture.PHASE, SweepFixture.SINGLE})
    void everyChartIsAPngOfTheSharedSizeAndAnSvgThatParses(String fixture) throws Exception {
        Path dir = SweepFixture.copy(fixture, tmp.resolve(fixture));
        SweepCharts.render(dir);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var names = SweepCharts.build(SweepFixture.read(fixture)).keySet();
        assertThat(names).isNotEmpty();
        for (String name : names) {
            BufferedImage png = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertThat(png).as(name).isNotNull();
            assertThat(png.getWidth()).as(name).isEqualTo(1000);
            assertThat(png.getHeight()).as(name).isEqualTo(600);
            Document svg = xml.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).as(name).isEqualTo("svg");
        }
    }

    @Test
    void oneParameterGivesAChartPerMetricThatVariesWithCrossThreadOnesWhenPresent() {
        // handoff-gap: nothing goes backwards within a thread at any point, so those two are not drawn
        assertThat(SweepCharts.build(SweepFixture.read(SweepFixture.HANDOFF)).keySet()).containsExactly(
                "sweep-latencyP50Ns", "sweep-crossThreadBackwardPerMillion", "sweep-crossThreadMaxBackwardNs");
        assertThat(SweepCharts.build(SweepFixture.read(SweepFixture.SINGLE)).keySet()).containsExactly(
                "sweep-backwardPerMillion", "sweep-maxBackwardNs"); // single-rep: latency p50 16 ns at every point
    }

    @Test
    void twoParametersGiveAHeatmapPerSourceThenAChartPerMetricAndSource() {
        Map<String, Chart<?, ?>> charts = SweepCharts.build(SweepFixture.read(SweepFixture.PHASE));
        assertThat(charts.keySet()).startsWith("sweep-heatmap-rdtsc", "sweep-heatmap-vdso-clock_gettime",
                "sweep-heatmap-syscall-clock_gettime", "sweep-backwardPerMillion-rdtsc");
        assertThat(charts).containsKey("sweep-latencyP50Ns-syscall-clock_gettime").hasSize(3 + 3 * 3);
    }

    @Test
    void eachSourcesLineHasThePointsMeansAndItsBarsTheConfidenceIntervals() {
        Sweep sweep = SweepFixture.read(SweepFixture.HANDOFF);
        XYChart chart = MetricChart.bySource(sweep, Metrics.CROSS_MAX_BACKWARD);
        assertThat(chart.getYAxisTitle()).doesNotContain("log");
        for (String source : sweep.sources()) {
            XYSeries line = series(chart, source);
            List<Sweep.Point> points = sweep.pointsInOrder();
            assertThat(line.getXData()).hasSize(points.size());
            List<double[]> bars = bars(series(chart, source + MetricChart.CI_SUFFIX));
            assertThat(bars).hasSize(points.size());
            for (int i = 0; i < points.size(); i++) {
                Sweep.Estimate e = points.get(i).estimate(source, Metrics.CROSS_MAX_BACKWARD.sweepName()).orElseThrow();
                assertThat(line.getXData()[i]).isEqualTo(points.get(i).numericValues().get("workload.handoff.latency"));
                assertThat(line.getYData()[i]).isEqualTo(e.mean());
                assertThat(bars.get(i)).containsExactly(e.ciLow(), e.ciHigh());
            }
        }
        assertThat(series(chart, "bars: 95% CI, 3 replications").isShowInLegend()).isTrue();
        assertThat(series(chart, "rdtsc" + MetricChart.CI_SUFFIX).isShowInLegend()).isFalse();
    }

    @Test
    void aParameterSpanningDecadesGetsALogAxisAndALinearRangeALinearOne() {
        XYChart log = MetricChart.bySource(SweepFixture.read(SweepFixture.HANDOFF), Metrics.LATENCY_P50);
        assertThat(log.getStyler().isXAxisLogarithmic()).isTrue();
        assertThat(log.getXAxisTitle()).contains("workload.handoff.latency").contains("log scale");
        XYChart linear = MetricChart.bySource(SweepFixture.read(SweepFixture.SINGLE), Metrics.BACKWARD_PER_MILLION);
        assertThat(linear.getStyler().isXAxisLogarithmic()).isFalse();
        assertThat(linear.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void zerosOnALogAxisAreDrawnOnTheFloorAndTheAxisSaysSo() {
        Sweep sweep = SweepFixture.read(SweepFixture.PHASE);
        XYChart chart = MetricChart.bySecond(sweep, Metrics.BACKWARD_PER_MILLION, "vdso-clock_gettime");
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();
        double floor = chart.getStyler().getYAxisMin();
        assertThat(floor).isGreaterThan(0);
        assertThat(chart.getYAxisTitle()).contains("log scale").contains("drawn at");
        XYSeries line = series(chart, "rate = 100/s");
        assertThat(line.getYData()[0]).as("mean 0 at 10ns").isEqualTo(floor);
        assertThat(Arrays.stream(line.getYData()).min().orElseThrow()).isGreaterThanOrEqualTo(floor);
        assertThat(chart.getStyler().getYAxisTickLabelsFormattingFunction().apply(floor)).startsWith("≤");
        AxisScale scale = AxisScale.of(new double[] {0, 1, 1000}, new double[] {-3, 0, 1, 1000}, false);
        assertThat(scale.log()).isTrue();
        assertThat(scale.display(-3)).isEqualTo(scale.floor());
        assertThat(scale.display(1000)).isEqualTo(1000);
    }

    @Test
    void aMetricThatIsZeroEverywhereGetsAUnitRangeAndSaysSo() {
        XYChart chart = MetricChart.bySource(SweepFixture.read(SweepFixture.HANDOFF), Metrics.BACKWARD_PER_MILLION);
        assertThat(chart.getStyler().getYAxisMin()).isEqualTo(0);
        assertThat(chart.getStyler().getYAxisMax()).isGreaterThanOrEqualTo(1);
        assertThat(chart.getYAxisTitle()).endsWith("(0 at every point)");
    }

    @Test
    void titlesSayWhatAndWhichExperimentAndFitOnOneLine() {
        for (String fixture : List.of(SweepFixture.HANDOFF, SweepFixture.PHASE, SweepFixture.SINGLE)) {
            for (Chart<?, ?> chart : SweepCharts.build(SweepFixture.read(fixture)).values()) {
                assertThat(chart.getTitle()).endsWith(" — " + fixture).hasSizeLessThanOrEqualTo(MetricChart.TITLE_CHARS);
            }
        }
        assertThat(MetricChart.bySource(SweepFixture.read(SweepFixture.HANDOFF), Metrics.LATENCY_P50).getTitle())
                .isEqualTo("Read latency, median vs workload.handoff.latency — handoff-gap");
    }

    @Test
    void oneReplicationDrawsNoBarsAndSaysSo() {
        XYChart chart = MetricChart.bySource(SweepFixture.read(SweepFixture.SINGLE), Metrics.BACKWARD_PER_MILLION);
        assertThat(chart.getSeriesCollection().stream().map(XYSeries::getName))
                .doesNotContain("rdtsc" + MetricChart.CI_SUFFIX).contains("one replication: no CI");
    }

    @Test
    void theClosedFormIsADashedBlackLineOnItsMetricsChartOnly() {
        Sweep sweep = SweepFixture.read(SweepFixture.HANDOFF);
        XYSeries curve = series(MetricChart.bySource(sweep, Metrics.CROSS_MAX_BACKWARD),
                "Δ − effective gap (closed form)");
        assertThat(curve.getLineColor()).isEqualTo(java.awt.Color.BLACK);
        assertThat(curve.getLineStyle().getDashArray()).isNotNull();
        Sweep.ClosedForm form = sweep.closedForm().orElseThrow();
        assertThat(curve.getXData()).containsExactly(form.x());
        assertThat(curve.getYData()[0]).isEqualTo(form.y()[0]);
        assertThat(curve.getYData()[form.y().length - 1]).as("negative: no backward step").isEqualTo(0);
        assertThat(MetricChart.bySource(sweep, Metrics.CROSS_PER_MILLION).getSeriesCollection())
                .noneMatch(s -> s.getName().contains("closed form"));
    }

    @Test
    void axesAreTitledWithTheParametersLabelsAndAnOldSweepJsonWithTheKey() {
        Sweep old = SweepFixture.read(SweepFixture.PHASE);
        LabelledHeatMap unlabelled = PhaseDiagram.build(old, Metrics.BACKWARD_PER_MILLION, "rdtsc",
                PhaseDiagram.bands(old, Metrics.BACKWARD_PER_MILLION));
        assertThat(unlabelled.getXAxisTitle()).isEqualTo(old.first().key());
        List<Sweep.Parameter> labelled = List.of(
                new Sweep.Parameter(old.first().key(), "socket 1's counter offset", old.first().values(),
                        Optional.of(new Sweep.Threshold(2000, "migration gap", "2 µs"))),
                new Sweep.Parameter(old.second().orElseThrow().key(), "migrations per second",
                        old.second().orElseThrow().values(), Optional.empty()));
        Sweep sweep = new Sweep(old.experiment(), old.description(), old.seed(), old.replications(),
                old.confidenceLevel(), labelled, old.units(), old.points(), old.closedForm());
        LabelledHeatMap map = PhaseDiagram.build(sweep, Metrics.BACKWARD_PER_MILLION, "rdtsc",
                PhaseDiagram.bands(sweep, Metrics.BACKWARD_PER_MILLION));
        assertThat(map.getXAxisTitle()).isEqualTo("socket 1's counter offset");
        assertThat(map.getYAxisTitle()).isEqualTo("migrations per second");
        XYChart line = MetricChart.bySecond(sweep, Metrics.BACKWARD_PER_MILLION, "rdtsc");
        assertThat(line.getXAxisTitle()).startsWith("socket 1's counter offset");
        assertThat(line.getSeries("rate = 100/s")).isNotNull();
        // the threshold: a vertical line on the metric chart, a line between the 1 µs and 10 µs columns
        assertThat(line.getSeries("migration gap (2 µs)").getXData()).containsExactly(2000, 2000);
        LabelledHeatMap.Mark mark = map.xMark().orElseThrow();
        assertThat(mark.label()).isEqualTo("migration gap (2 µs)");
        assertThat(mark.position()).isCloseTo(2 + Math.log10(2), within(1e-9));
        assertThat(unlabelled.xMark()).isEmpty();
    }

    @Test
    void theHeatmapsCellsAreTheMeansAndTheirColoursBandsSharedBySources() {
        Sweep sweep = SweepFixture.read(SweepFixture.PHASE);
        SourceMetric metric = Metrics.BACKWARD_PER_MILLION;
        Bands bands = PhaseDiagram.bands(sweep, metric);
        LabelledHeatMap map = PhaseDiagram.build(sweep, metric, "rdtsc", bands);
        HeatMapSeries series = map.getHeatMapSeries();
        // the columns as a reader writes them: "1 µs", not "1us"
        assertThat(List.copyOf(series.getXData())).isEqualTo(List.of("10 ns", "100 ns", "1 µs", "10 µs", "100 µs"));
        assertThat(List.copyOf(series.getYData())).isEqualTo(sweep.second().orElseThrow().values());
        assertThat(series.getHeatData()).hasSize(sweep.points().size());
        for (Number[] cell : series.getHeatData()) {
            String x = sweep.first().values().get(cell[0].intValue());
            String y = sweep.second().orElseThrow().values().get(cell[1].intValue());
            Sweep.Point point = sweep.points().stream().filter(p -> p.values().containsValue(x)
                    && p.values().containsValue(y)).findFirst().orElseThrow();
            double mean = point.estimate("rdtsc", metric.sweepName()).orElseThrow().mean();
            assertThat(map.label(cell[0].intValue(), cell[1].intValue())).isEqualTo(AxisNumbers.significant(mean, 3));
            assertThat((int) Math.floor(cell[2].doubleValue())).isEqualTo(bands.of(mean));
        }
        assertThat(map.label(0, 0)).isEqualTo("0");
    }

    @Test
    void bandsStartWithZeroAndFollowOneTwoFiveUpToTheLargestValue() {
        Bands bands = Bands.of(new double[] {0, 3, 40, 700});
        assertThat(bands.edges()).containsExactly(0, 2, 5, 10, 20, 50, 100, 200, 500, 1000);
        assertThat(bands.of(0)).isZero();
        assertThat(bands.of(3)).isEqualTo(1);
        assertThat(bands.of(700)).isEqualTo(bands.count() - 1);
        assertThat(bands.label(0)).isEqualTo("0");
        assertThat(bands.label(1)).isEqualTo("2 – 5");
        Bands decades = Bands.of(new double[] {0.01, 5e6});
        assertThat(decades.count()).isLessThanOrEqualTo(Bands.MAX_BANDS);
        assertThat(decades.edges()[1]).isCloseTo(0.01, within(1e-12));
        assertThat(Bands.of(new double[] {0, 0}).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {SweepFixture.HANDOFF, SweepFixture.PHASE})
    void theSameSweepJsonGivesTheSameBytes(String fixture) throws Exception {
        Path a = SweepFixture.copy(fixture, tmp.resolve("a"));
        Path b = SweepFixture.copy(fixture, tmp.resolve("b"));
        SweepCharts.render(a);
        SweepReport.render(a);
        SweepCharts.render(b);
        SweepReport.render(b);
        try (var files = Files.list(a)) {
            for (Path file : files.sorted().toList()) {
                assertThat(Files.readAllBytes(b.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }
}
