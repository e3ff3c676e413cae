package org.clocksim.report.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Encodes a chart as NAME.png and NAME.svg, the same bytes for the same chart: the PNG encoder
 * writes no time chunk, and the SVG's clip-path ids (VectorGraphics2D names them after the clip
 * shape's hashCode, which for some shapes is an identity hash) are renumbered in order of appearance.
 */
public final class ChartFiles {
    private static final Pattern CLIP_ID = Pattern.compile("clip-?\\d+");

    private ChartFiles() {
    }

    public static void write(String name, Chart<?, ?> chart, Path dir) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, png, BitmapEncoder.BitmapFormat.PNG);
        Files.write(dir.resolve(name + ".png"), png.toByteArray());
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Files.writeString(dir.resolve(name + ".svg"), stableIds(svg.toString(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
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
