package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** A series' segments reach the SVG as one polyline. */
class SvgLinesTest {
    private static String line(String style, double x1, double y1, double x2, double y2) {
        return "<line style=\"" + style + "\" x1=\"" + x1 + "\" x2=\"" + x2 + "\" y1=\"" + y1 + "\" y2=\"" + y2 + "\"/>";
    }

    @Test
    void consecutiveSegmentsOfOneStyleBecomeOnePolylineAndAnythingElseStays() {
        String a = "fill:none;stroke:rgb(0,0,0);";
        String b = "fill:none;stroke:rgb(255,0,0);";
        String svg = "<g>\n  " + line(a, 0, 0, 1, 1) + "\n  " + line(a, 1, 1, 2, 0) + "\n  " + line(a, 2, 0, 3, 3)
                + "\n  " + line(a, 5, 5, 6, 6) + "\n  " + line(b, 6, 6, 7, 7) + "\n</g>";
        assertThat(SvgLines.joined(svg)).isEqualTo("<g>\n  <polyline points=\"0.0,0.0 1.0,1.0 2.0,0.0 3.0,3.0\" style=\""
                + a + "\"/>\n  " + line(a, 5, 5, 6, 6) + "\n  " + line(b, 6, 6, 7, 7) + "\n</g>");
    }

    @Test
    void aChartsLineIsOnePolylineInItsSvg() throws IOException {
        XYChart chart = ChartStyle.xy("t", "x", "y");
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i * 0.5;
        }
        ChartStyle.line(chart, "core 0", x, y, ChartStyle.sourceColor("rdtsc"));
        String svg = ChartFiles.svg(chart);
        assertThat(svg).contains("<polyline points=\"");
        // the 199 segments are one element: in the series' colour only the polyline and the legend's sample
        assertThat(svg.split("stroke:rgb\\(0,114,178\\)", -1).length - 1).isEqualTo(2);
    }
}
