package org.clocksim.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Charts' strings reach the SVG as {@code <text>}, not as glyph outlines. */
class SvgTextTest {
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, true, false);
    private static final Pattern TEXT = Pattern.compile("<text [^>]*>([^<]*)</text>");

    private static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher m = TEXT.matcher(svg);
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    @Test
    void anOutlineIsReadBackAsItsStringWithItsSpacesAndItsPlace() {
        Font font = ChartStyle.font(Font.PLAIN, 12);
        String label = "rdtsc: p50 12.6 ns, max 10.0 µs  (±1σ)";
        Path2D.Float outline = new Path2D.Float(new TextLayout(label, font, CONTEXT).getOutline(
                AffineTransform.getTranslateInstance(40, 300)));
        GlyphOutlines.Text text = GlyphOutlines.of(font, CONTEXT).read(outline, null);
        assertThat(text.text()).isEqualTo(label);
        assertThat(text.x()).isEqualTo(40.0);
        assertThat(text.y()).isEqualTo(300.0);
    }

    @Test
    void aShapeThatIsNoStringOrAStringInAnotherFontIsNotRead() {
        Font plain = ChartStyle.font(Font.PLAIN, 12);
        assertThat(GlyphOutlines.of(plain, CONTEXT).read(new Path2D.Float(new Rectangle2D.Double(1, 2, 30, 4)), null))
                .isNull();
        Path2D.Float bold = new Path2D.Float(new TextLayout("latency", ChartStyle.font(Font.BOLD, 12), CONTEXT)
                .getOutline(null));
        assertThat(GlyphOutlines.of(plain, CONTEXT).read(bold, null)).isNull();
        Path2D.Float larger = new Path2D.Float(new TextLayout("latency", ChartStyle.font(Font.PLAIN, 14), CONTEXT)
                .getOutline(null));
        assertThat(GlyphOutlines.of(plain, CONTEXT).read(larger, null)).isNull();
    }

    @Test
    void aChartsTitleAxisTitlesTickLabelsAndLegendAreTextInTheSvg() throws IOException {
        XYChart chart = ChartStyle.xy("Latency of a read — quickstart", "true time (ms)", "offset from true time (µs)");
        ChartStyle.line(chart, "core 0 (socket 0)", new double[] {0, 250, 500}, new double[] {0, 7.5, 15},
                ChartStyle.coreColor(0, 0, 2));
        String svg = ChartFiles.svg(chart);
        assertThat(texts(svg)).contains("Latency of a read — quickstart", "true time (ms)",
                "offset from true time (µs)", "core 0 (socket 0)", "250", "500");
        // The y-axis title is turned by a quarter, as XChart draws it.
        assertThat(svg).containsPattern("<g transform=\"matrix\\(0 -1 1 0 [^\"]*\">\\s*<text [^>]*>offset from true time");
        // What is left is the plot's lines: a chart with one three-point line is a few KB, not 75.
        assertThat(svg.length()).isLessThan(16_000);
        assertThat(svg).startsWith("<?xml").contains("<svg font-size=\"12px\" ");
    }

    @Test
    void noChartOfARunLeavesAGlyphOutlineInItsSvg() throws IOException {
        // Glyphs are drawn with quadratic curves; nothing else in the charts is (lines, rects, ellipses).
        for (String experiment : List.of("two-socket-handoff", "quickstart")) {
            for (var chart : Charts.build(ResultsFixture.committed(experiment)).charts().entrySet()) {
                assertThat(ChartFiles.svg(chart.getValue())).as(experiment + " " + chart.getKey())
                        .doesNotContainPattern("<path d=\"[^\"]*Q");
            }
        }
    }
}
