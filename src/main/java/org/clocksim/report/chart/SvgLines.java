package org.clocksim.report.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the segments of a drawn line back into one {@code <polyline>}: XChart draws a series as one
 * {@code Line2D} per pair of points, so VectorGraphics2D writes a {@code <line>} element per segment, each
 * with its full style (a 200-sample skew line was 200 elements, most of the SVG). Consecutive
 * {@code <line>}s with the same style, each starting where the one before ended, become one polyline
 * through the same points; anything else is left as it is.
 */
final class SvgLines {
    /** VectorGraphics2D writes the attributes in this order. */
    private static final Pattern LINE = Pattern.compile(
            "<line style=\"([^\"]*)\" x1=\"([^\"]*)\" x2=\"([^\"]*)\" y1=\"([^\"]*)\" y2=\"([^\"]*)\"/>");

    private SvgLines() {
    }

    static String joined(String svg) {
        StringBuilder out = new StringBuilder(svg.length());
        Run run = null;
        int copied = 0;
        Matcher m = LINE.matcher(svg);
        while (m.find()) {
            if (run != null && run.continuedBy(m, svg)) {
                run.extend(m);
                continue;
            }
            if (run != null) {
                copied = run.writeTo(out, svg, copied);
            }
            run = new Run(m);
        }
        if (run != null) {
            copied = run.writeTo(out, svg, copied);
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    /** Segments joined so far: their style, points, and where they are in the text. */
    private static final class Run {
        private final String style;
        private final List<String> points = new ArrayList<>();
        private final int start;
        private int end;
        private String endX;
        private String endY;

        Run(Matcher first) {
            style = first.group(1);
            start = first.start();
            points.add(first.group(2) + "," + first.group(4));
            extend(first);
        }

        boolean continuedBy(Matcher next, String svg) {
            return next.group(1).equals(style) && next.group(2).equals(endX) && next.group(4).equals(endY)
                    && svg.substring(end, next.start()).isBlank();
        }

        void extend(Matcher next) {
            endX = next.group(3);
            endY = next.group(5);
            points.add(endX + "," + endY);
            end = next.end();
        }

        /** Writes the text before the run and the run; returns where the text after it starts. */
        int writeTo(StringBuilder out, String svg, int copied) {
            out.append(svg, copied, start);
            if (points.size() == 2) {
                out.append(svg, start, end);
            } else {
                out.append("<polyline points=\"").append(String.join(" ", points)).append("\" style=\"")
                        .append(style.contains("fill:none") ? style : "fill:none;" + style).append("\"/>");
            }
            return end;
        }
    }
}
