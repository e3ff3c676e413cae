package org.clocksim.report.chart;

import de.erichseifert.vectorgraphics2d.GraphicsState;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.DataUtils;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * Encodes a chart as NAME.png and NAME.svg, the same bytes for the same chart: the PNG encoder
 * writes no time chunk, and the SVG's clip-path ids (VectorGraphics2D names them after the clip
 * shape's hashCode, which for some shapes is an identity hash) are renumbered in order of appearance.
 *
 * <p>XChart draws every string as glyph outlines (TextLayout.getOutline, in every chart part), so
 * VectorGraphics2D's text hint cannot turn them back into {@code <text>}: the SVG is painted through
 * {@link TextGraphics}, which reads each outline back as its string and writes {@code <text>} (an
 * outline it cannot read stays a path); a series' segments are joined into one polyline ({@link SvgLines}).
 * Coordinates are written to a hundredth of a pixel
 * (VectorGraphics2D writes the doubles in full: {@code 9.568359375}): fewer bytes, no visible difference.
 */
public final class ChartFiles {
    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");
    /** A path's points or a translation: the attribute values whose numbers are rounded. */
    private static final Pattern GEOMETRY = Pattern.compile(
            "(?<= d=\"|transform=\"translate\\(|\\s(?:x|y|x1|x2|y1|y2|cx|cy|rx|ry|width|height|points)=\")[^\")]*");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d+");

    private ChartFiles() {
    }

    public static void write(String name, Chart<?, ?> chart, Path dir) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        Files.write(dir.resolve(name + ".png"), png.toByteArray());
        Files.writeString(dir.resolve(name + ".svg"), svg(chart), StandardCharsets.UTF_8);
    }

    /** The chart as SVG, its strings as {@code <text>} ({@link TextGraphics}). */
    static String svg(Chart<?, ?> chart) throws IOException {
        TextGraphics graphics = new TextGraphics(fonts(chart.getStyler()));
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(graphics.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                .writeTo(svg);
        return compact(stableIds(withDefaultFontSize(SvgLines.joined(svg.toString(StandardCharsets.UTF_8)))));
    }

    /**
     * Every font the styler holds (title, axes, legend, annotations, a bar's value …): XChart draws some
     * text in one without setting it on the graphics first. Read through the styler's getters, so a
     * chart kind's own fonts are found too.
     */
    private static List<Font> fonts(Styler styler) {
        List<Font> fonts = new ArrayList<>();
        for (Method getter : styler.getClass().getMethods()) {
            if (getter.getReturnType() == Font.class && getter.getParameterCount() == 0) {
                try {
                    Font font = (Font) getter.invoke(styler);
                    if (font != null) {
                        fonts.add(font);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + getter, e);
                }
            }
        }
        return fonts;
    }

    /**
     * The SVG with VectorGraphics2D's default font size set on its root: it leaves the size out of a
     * {@code <text>} whose font has that size (12), and a viewer would use its own (16 in browsers).
     */
    static String withDefaultFontSize(String svg) {
        return svg.replaceFirst("<svg ", Matcher.quoteReplacement(
                "<svg font-size=\"" + DataUtils.format(GraphicsState.DEFAULT_FONT.getSize2D()) + "px\" "));
    }

    /** The SVG with the numbers of every path and translation rounded to two decimals ({@code -0} as {@code 0}). */
    static String compact(String svg) {
        return GEOMETRY.matcher(svg).replaceAll(geometry -> Matcher.quoteReplacement(NUMBER.matcher(geometry.group())
                .replaceAll(n -> rounded(n.group()))));
    }

    private static String rounded(String number) {
        String text = new BigDecimal(number).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** The SVG with every {@code clipN} id replaced by {@code clip1}, {@code clip2} … in order of first use. */
    static String stableIds(String svg) {
        Map<String, String> ids = new LinkedHashMap<>();
        Matcher m = CLIP_ID.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length());
        while (m.find()) {
            String id = ids.computeIfAbsent(m.group(), k -> "clip" + (ids.size() + 1));
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }
}
