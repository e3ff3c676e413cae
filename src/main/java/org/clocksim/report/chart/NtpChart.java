package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.clocksim.results.KernelSummary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * summary.json's kernel.ntpChanges over true time: the NTP frequency the timekeeper follows, as a step
 * line from each mult change to the next (to the end of the run after the last; the boot frequency before
 * the first is drawn dashed and grey, as the config's {@code kernel.ntp.frequency}, when experiment.yaml
 * gives it), each mult change as a point, and clocksource switches. Drawn only when mult changed.
 */
final class NtpChart {
    static final String NAME = "ntp";
    private static final Color BOOT = new Color(0x999999);

    private NtpChart() {
    }

    static boolean worthDrawing(Results results) {
        return !results.summary().summary().kernel().ntpChanges().isEmpty();
    }

    static XYChart build(Results results) {
        List<KernelSummary.NtpChange> changes = results.summary().summary().kernel().ntpChanges();
        double end = results.summary().summary().durationNs().doubleValue();
        NsUnit time = NsUnit.fitting(end);
        XYChart chart = ChartStyle.xy("NTP frequency the kernel clock follows — " + results.summary().experiment(),
                "true time (" + time.symbol() + ")", "NTP frequency (ppm)");
        int n = changes.size();
        double[] stepX = new double[2 * n];
        double[] stepY = new double[2 * n];
        double[] changeX = new double[n];
        double[] changeY = new double[n];
        for (int i = 0; i < n; i++) {
            KernelSummary.NtpChange c = changes.get(i);
            double from = time.of(c.timeNs().doubleValue());
            double to = i + 1 < n ? time.of(changes.get(i + 1).timeNs().doubleValue()) : time.of(end);
            double ppm = c.frequencyPpm().doubleValue();
            stepX[2 * i] = from;
            stepY[2 * i] = ppm;
            stepX[2 * i + 1] = to;
            stepY[2 * i + 1] = ppm;
            changeX[i] = from;
            changeY[i] = ppm;
        }
        XYSeries line = ChartStyle.line(chart, "NTP frequency after each mult change", stepX, stepY, ChartStyle.MARKER);
        line.setMarker(SeriesMarkers.NONE);
        results.bootNtpPpm().ifPresent(ppm -> {
            double first = changeX[0];
            XYSeries boot = ChartStyle.line(chart, "from boot to the first mult change (" + Readable.ppm(ppm) + ")",
                    new double[] {0, first, first}, new double[] {ppm, ppm, changeY[0]}, BOOT);
            boot.setLineStyle(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 4}, 0));
        });
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
        ChartStyle.points(chart, "mult change (" + Readable.count(n) + ")", changeX, changeY, ChartStyle.ALARM,
                SeriesMarkers.DIAMOND);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(time.of(end));
        KernelMarkers.addSwitches(chart, results.summary().kernelEvents(), time,
                changes.stream().mapToDouble(c -> c.frequencyPpm().doubleValue()).max().orElse(0));
        return chart;
    }
}
