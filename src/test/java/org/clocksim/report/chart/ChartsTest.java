package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.w3c.dom.Document;

class ChartsTest {
    @TempDir
    Path tmp;

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** A latency chart's line of a source: its legend name starts with the source id. */
    private static XYSeries latencyLine(Chart<?, ?> chart, String source) {
        return ((XYChart) chart).getSeriesCollection().stream().filter(s -> s.getName().startsWith(source + ": "))
                .findFirst().orElseThrow();
    }

    private static XYSeries series(Chart<?, ?> chart, String name) {
        XYSeries series = ((XYChart) chart).getSeries(name);
        assertThat(series).as("series " + name + " of " + chart.getTitle()).isNotNull();
        return series;
    }

    @Test
    void everyChartIsAPngOfTheSharedSizeAndAnSvgThatParses() throws Exception {
        Path dir = ResultsFixture.copy(ResultsFixture.FIXTURE, tmp.resolve("fixture"));
        RunReport.render(dir);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String name : Charts.build(ResultsFixture.fixture()).charts().keySet()) {
            BufferedImage png = ImageIO.read(dir.resolve(name + ".png").toFile());
            assertThat(png).as(name).isNotNull();
            assertThat(png.getWidth()).as(name).isEqualTo(1000);
            assertThat(png.getHeight()).as(name).isEqualTo(600);
            Document svg = xml.newDocumentBuilder().parse(dir.resolve(name + ".svg").toFile());
            assertThat(svg.getDocumentElement().getTagName()).as(name).isEqualTo("svg");
            assertThat(svg.getDocumentElement().getAttribute("width")).as(name).isEqualTo("1000px");
        }
        assertThat(dir.resolve("report.md")).exists();
    }

    @Test
    void theSkewChartHasOneLinePerCoreWithTheCsvsSamples() {
        Results results = ResultsFixture.fixture();
        XYChart chart = SkewChart.fromTrueTime(results);
        List<Results.Skew> core2 = results.skew().stream().filter(s -> s.core() == 2).toList();
        XYSeries line = series(chart, "core 2 (socket 1)");
        assertThat(line.getXData()).hasSize(core2.size());
        assertThat(chart.getYAxisTitle()).contains("µs");
        double maxNs = core2.stream().mapToDouble(Results.Skew::offsetNs).max().orElseThrow();
        assertThat(max(line.getYData()) * 1000).isCloseTo(maxNs, within(1e-6));
        assertThat(max(line.getXData()) * 1e6).isCloseTo(500_000_000, within(1e-3));
        XYSeries relative = series(SkewChart.fromCore0(results), "core 0 (socket 0)");
        assertThat(relative.getYData()).containsOnly(0.0);
    }

    @Test
    void kernelEventsAreMarkedWhenTheSummaryHasThemAndAbsentOtherwise() {
        XYChart marked = SkewChart.fromTrueTime(ResultsFixture.fixture());
        assertThat(series(marked, "watchdog check: ok").getXData()).containsExactly(50, 100, 150, 200);
        assertThat(series(marked, "watchdog check: unstable").getXData()).containsExactly(250);
        assertThat(series(marked, "sync-check compensation").getXData()).containsExactly(0);
        XYChart plain = SkewChart.fromTrueTime(ResultsFixture.committed("quickstart"));
        assertThat(plain.getSeriesCollection()).allMatch(s -> s.getName().startsWith("core ") || s.getName().isBlank());
    }

    @Test
    void theTimelineHasEveryEventOfTheCsvAndTheHistogramCountsThemAll() {
        Results results = ResultsFixture.fixture();
        List<Results.Backward> rdtsc = results.backward().stream().filter(b -> b.source().equals("rdtsc")).toList();
        XYSeries points = series(BackwardEventsChart.timeline(results), "rdtsc");
        assertThat(points.getXData()).hasSize(rdtsc.size()).hasSize(40);
        double largest = rdtsc.stream().mapToDouble(Results.Backward::magnitudeNs).max().orElseThrow();
        assertThat(max(points.getYData()) * 1000).isCloseTo(largest, within(1e-6));
        long[] counts = BackwardEventsChart.histogram(rdtsc.stream().mapToDouble(Results.Backward::magnitudeNs)
                .toArray());
        assertThat(Arrays.stream(counts).sum()).isEqualTo(40);
        XYSeries outline = series(BackwardEventsChart.histogram(results), "rdtsc");
        assertThat(max(outline.getYData())).isEqualTo(Arrays.stream(counts).max().orElseThrow());
    }

    @Test
    void histogramBinsAreFivePerDecadeFromOneNanosecondToOneSecond() {
        assertThat(BackwardEventsChart.binEdge(0)).isEqualTo(1.0);
        assertThat(BackwardEventsChart.binEdge(5)).isCloseTo(10.0, within(1e-9));
        assertThat(BackwardEventsChart.binEdge(45)).isCloseTo(1e9, within(1e-3));
        long[] counts = BackwardEventsChart.histogram(new double[] {0.2, 1, 9.9, 10.1, 15_000, 5e9});
        assertThat(counts).hasSize(45);
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[4]).isEqualTo(1);
        assertThat(counts[5]).isEqualTo(1);
        assertThat(counts[20]).isEqualTo(1);
        assertThat(counts[44]).isEqualTo(1);
    }

    @Test
    void svgGeometryIsWrittenToAHundredthOfAPixel() {
        assertThat(ChartFiles.compact("<g transform=\"translate(10 438.62962500000003)\"><path d=\"M9.568359375,"
                + "-2.265625 L1,-0.001 Z\" style=\"fill:rgb(0,0,0);\"/></g>"))
                .isEqualTo("<g transform=\"translate(10 438.63)\"><path d=\"M9.57,-2.27 L1,0 Z\" "
                        + "style=\"fill:rgb(0,0,0);\"/></g>");
    }

    @Test
    void aRunWithoutBackwardEventsDrawsNoChartOfThemAndSaysSoInOneSentence() {
        Charts.Drawn drawn = Charts.build(ResultsFixture.committed("pinned-baseline"));
        assertThat(drawn.charts().keySet()).containsExactly(SkewChart.ABSOLUTE, SkewChart.RELATIVE,
                CoreOffsetsChart.NAME, LatencyChart.NAME);
        assertThat(drawn.notes()).containsExactly("Nothing went backwards in 7,303,208 reads, so there are no charts "
                + "of backward steps (backward-events, backward-timeline, read-trace).");
    }

    @Test
    void coresThatAgreeGetNoHeatmapOrCore0ChartAndAFlatSkewChartGetsRoundTicks() {
        Charts.Drawn drawn = Charts.build(ResultsFixture.committed("ntp-flip"));
        assertThat(drawn.charts()).containsOnlyKeys(SkewChart.ABSOLUTE, NtpChart.NAME, LatencyChart.NAME);
        assertThat(drawn.notes()).anyMatch(n -> n.startsWith("There is no core-offsets chart"))
                .anyMatch(n -> n.startsWith("There is no skew-core0 chart"));
        // the three flips of ±500 ppm, 501 ms apart, each a mult change on the step line
        XYChart ntp = (XYChart) drawn.charts().get(NtpChart.NAME);
        assertThat(series(ntp, "mult change (3)").getXData()).containsExactly(0.501, 1.002, 1.503);
        assertThat(series(ntp, "mult change (3)").getYData()).containsExactly(-500, 500, -500);
        assertThat(series(ntp, "NTP frequency after each mult change").getXData()).endsWith(1.503, 2.0);
        // from boot the config's +500 ppm, up to the first change: the chart does not start blank
        XYSeries boot = series(ntp, "from boot to the first mult change (+500 ppm)");
        assertThat(boot.getXData()).containsExactly(0, 0.501, 0.501);
        assertThat(boot.getYData()).containsExactly(500, 500, -500);
        XYChart skew = (XYChart) drawn.charts().get(SkewChart.ABSOLUTE);
        assertThat(skew.getStyler().getYAxisMin()).isEqualTo(-1.0);
        assertThat(skew.getStyler().getYAxisMax()).isEqualTo(1.0);
    }

    @Test
    void aHandOffTraceDrawsBothReadingsOfEachPairAndTheStepBetweenThem() {
        XYChart chart = ReadTraceChart.build(ResultsFixture.committed("two-socket-handoff"));
        // thread 3, on the socket 2 us ahead, hands its readings to thread 0: the steps are 1.87 us at most
        series(chart, "thread 0's own readings");
        series(chart, "step back (up to 1.87 µs)");
        double[] handed = series(chart, "the reading thread 3 handed over (its value − true time now)").getYData();
        assertThat(handed).isNotEmpty();
        assertThat(Arrays.stream(handed)).allSatisfy(y -> assertThat(y).isBetween(1.8, 1.9));
    }

    @Test
    void aTraceLineBreaksWhereTheThreadDidNotRead() {
        XYChart chart = ReadTraceChart.build(ResultsFixture.committed("quickstart"));
        // the migration gap: 5 us without reads before the first backward read
        assertThat(Arrays.stream(series(chart, "rdtsc").getYData()).anyMatch(Double::isNaN)).isTrue();
    }

    /** A fast-mode run's report says that its read trace's reads before the step are the exact ones, with gaps. */
    @Test
    void aFastModeRunsReadTraceSaysWhichReadsItShows() {
        assertThat(Charts.build(ResultsFixture.committed("fast-64-cores-1h")).notes())
                .anyMatch(note -> note.startsWith("Fast mode: the read trace's reads before the first backward step"));
        assertThat(Charts.build(ResultsFixture.committed("quickstart")).notes()).noneMatch(n -> n.startsWith("Fast mode"));
    }

    @Test
    void theLatencyAxisReachesTheDecadeAboveTheSlowestReadAndTheLegendGivesP50P99Max() {
        XYChart chart = LatencyChart.build(ResultsFixture.committed("pinned-baseline"));
        // pinned-baseline: rdtsc's max is 6.05 us
        assertThat(chart.getStyler().getYAxisMax()).isEqualTo(10_000.0);
        series(chart, "rdtsc: p50 12.6 ns, p99 15.9 ns, max 6.05 µs");
    }

    @Test
    void manyEventsAreThinnedToTheExtremesOfEachTimeSlice() {
        Results handoff = ResultsFixture.committed("two-socket-handoff");
        List<Results.Backward> rdtsc = handoff.backward().stream().filter(b -> b.source().equals("rdtsc")).toList();
        List<Results.Backward> kept = BackwardEventsChart.thin(rdtsc, 200_000_000);
        assertThat(kept.size()).isLessThanOrEqualTo(2 * BackwardEventsChart.TIMELINE_SLICES);
        assertThat(kept.stream().mapToDouble(Results.Backward::magnitudeNs).max())
                .isEqualTo(rdtsc.stream().mapToDouble(Results.Backward::magnitudeNs).max());
        assertThat(kept.stream().mapToDouble(Results.Backward::magnitudeNs).min())
                .isEqualTo(rdtsc.stream().mapToDouble(Results.Backward::magnitudeNs).min());
    }

    @Test
    void latencyIsPlottedAtOneOverOneMinusTheQuantileWithPercentLabels() {
        assertThat(LatencyChart.x(0, 1000)).isEqualTo(1.0);
        assertThat(LatencyChart.x(99, 1000)).isCloseTo(100.0, within(1e-9));
        assertThat(LatencyChart.x(100, 1000)).isEqualTo(1000.0);
        assertThat(LatencyChart.label(2)).isEqualTo("50%");
        assertThat(LatencyChart.label(10)).isEqualTo("90%");
        assertThat(LatencyChart.label(1000)).isEqualTo("99.9%");
        assertThat(LatencyChart.label(10_000)).isEqualTo("99.99%");
        assertThat(LatencyChart.label(3)).isEmpty();
        assertThat(LatencyChart.label(1)).as("0 %, the axis' start, next to 50 %").isEmpty();
        assertThat(LatencyChart.label(1e6, 2)).isEqualTo("99.9999%");
        assertThat(LatencyChart.label(1e7, 2)).as("every second decade on a wide axis").isEmpty();
        Results results = ResultsFixture.fixture();
        List<Results.Latency> rows = results.latency().get("rdtscp");
        XYSeries line = latencyLine(LatencyChart.build(results), "rdtscp");
        assertThat(line.getXData()).hasSize(rows.size());
        assertThat(max(line.getYData())).isEqualTo(rows.get(rows.size() - 1).latencyNs());
    }

    @Test
    void theReadTraceDrawsTheConfiguredThreadWithMigrationsAndBackwardReadsMarked() {
        Results results = ResultsFixture.fixture();
        assertThat(results.traceThread()).isEqualTo(OptionalInt.of(1));
        XYChart chart = ReadTraceChart.build(results);
        assertThat(chart.getTitle()).contains("thread 1");
        for (String source : List.of("rdtsc", "rdtscp")) {
            double[] y = series(chart, source).getYData();
            // 201 reads, and one break (NaN) in the line: the 5 us migration gap before the backward read
            assertThat(Arrays.stream(y).filter(v -> !Double.isNaN(v)).count()).isEqualTo(201);
            assertThat(Arrays.stream(y).filter(Double::isNaN).count()).isEqualTo(1);
        }
        assertThat(series(chart, "read after a migration").getXData()).hasSize(2);
        assertThat(series(chart, "backward read").getXData()).hasSize(2).contains(0.0);
    }

    @Test
    void withoutAConfiguredThreadTheTraceIsOfTheThreadWithMostBackwardEvents() {
        Results fixture = ResultsFixture.fixture();
        Results unconfigured = new Results(fixture.summary(), fixture.skew(), fixture.backward(), fixture.latency(),
                fixture.trace(), OptionalInt.empty(), List.of(), java.util.OptionalDouble.empty());
        // quickstart's thread 0 went back 357 + 357 times, thread 1 309 + 309
        assertThat(unconfigured.chosenTraceThread()).isZero();
    }

    @Test
    void coreOffsetsAreDifferencesOfTheLastSkewSample() {
        Results results = ResultsFixture.fixture();
        Map<Integer, Double> offsets = CoreOffsetsChart.finalOffsets(results.skew());
        assertThat(offsets).hasSize(4);
        HeatMapChart chart = (HeatMapChart) CoreOffsetsChart.build(results);
        List<Number[]> cells = List.copyOf(chart.getHeatMapSeries().getHeatData());
        assertThat(cells).hasSize(16);
        Number[] row2column0 = cells.stream().filter(c -> c[0].intValue() == 0 && c[1].intValue() == 2)
                .findFirst().orElseThrow();
        assertThat(row2column0[2].doubleValue() * 1000).isCloseTo(offsets.get(2) - offsets.get(0), within(1e-6));
    }

    @Test
    void everySourceHasItsOwnColourOnEveryChart() {
        List<String> known = List.of("rdtsc", "rdtscp", "vdso-clock_gettime", "vdso-gettimeofday", "vdso-time",
                "vdso-clock_gettime-coarse", "vsyscall-gettimeofday", "vsyscall-time", "syscall-clock_gettime",
                "syscall-gettimeofday", "getcpu");
        assertThat(known.stream().map(ChartStyle::sourceColor).distinct()).hasSize(known.size());
        assertThat(ChartStyle.sourceColor("some-new-source")).isEqualTo(ChartStyle.sourceColor("some-new-source"));
        Results results = ResultsFixture.fixture();
        assertThat(latencyLine(LatencyChart.build(results), "rdtscp").getLineColor())
                .isEqualTo(series(BackwardEventsChart.histogram(results), "rdtscp").getLineColor())
                .isEqualTo(series(BackwardEventsChart.timeline(results), "rdtscp").getMarkerColor())
                .isEqualTo(series(ReadTraceChart.build(results), "rdtscp").getLineColor());
    }

    @Test
    void renderingTheSameResultsTwiceWritesTheSameBytes() throws IOException {
        Path a = ResultsFixture.copy(ResultsFixture.FIXTURE, tmp.resolve("a"));
        Path b = ResultsFixture.copy(ResultsFixture.FIXTURE, tmp.resolve("b"));
        RunReport.render(a);
        RunReport.render(b);
        try (var files = Files.list(a)) {
            for (Path file : files.toList()) {
                assertThat(Files.readAllBytes(b.resolve(file.getFileName()))).as(file.getFileName().toString())
                        .isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @Test
    void svgClipIdsAreNumberedInOrderOfAppearance() {
        String svg = "<clipPath id=\"clip936890400\"/><g clip-path=\"url(#clip-12)\"/><g clip-path=\"url(#clip936890400)\"/>";
        assertThat(ChartFiles.stableIds(svg))
                .isEqualTo("<clipPath id=\"clip1\"/><g clip-path=\"url(#clip2)\"/><g clip-path=\"url(#clip1)\"/>");
    }
}
