package org.clocksim.report.chart;

import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outlines of one font's glyphs, to read a string back from the outline XChart fills for it.
 *
 * <p>XChart draws every string as {@code TextLayout.getOutline} filled as a shape, so an SVG would
 * carry each label as glyph outlines (an empty chart was 75 KB, almost all of it four strings). The
 * outline of a string in one font is the outlines of its glyphs, each moved to its place on the
 * baseline, one after the other (no kerning or ligatures in a plain TextLayout); spaces have no
 * outline, only an advance. So the string is read back glyph by glyph: the next sub-paths must be a
 * glyph's own, shifted by one offset on the same baseline, and a gap before it must be whole spaces.
 * Anything else (another font, a character outside {@link #ALPHABET}, a shape that is no text) is
 * not recognised, and the caller keeps the outline: a wrong reading is never produced, only none.
 */
final class GlyphOutlines {
    /** Coordinates within this of each other are the same point (outlines are floats of a few hundred px). */
    private static final double TOLERANCE = 1e-3;
    /** What a label may hold: ASCII, Latin-1 (µ, ±, ×), Greek, general punctuation, arrows, mathematical operators. */
    private static final int[][] ALPHABET = {{0x21, 0x7e}, {0xa1, 0xff}, {0x391, 0x3c9}, {0x2010, 0x203a},
        {0x2070, 0x209f}, {0x2190, 0x2199}, {0x2200, 0x22ff}};
    private static final Map<Key, GlyphOutlines> CACHE = new ConcurrentHashMap<>();

    /** Glyph outlines depend on the font and on how it is rendered (fractional metrics change the advances). */
    private record Key(Font font, FontRenderContext context) {
    }

    /** A glyph: its character, advance, and sub-paths with the baseline origin at (0, 0). */
    private record Glyph(char character, double advance, List<Subpath> subpaths) {
    }

    /** A string read back from an outline: its text and where its baseline starts. */
    record Text(String text, double x, double y) {
    }

    private final double spaceAdvance;
    /** Glyphs by the segment kinds of their first sub-path, those with more sub-paths first. */
    private final Map<String, List<Glyph>> byFirstSubpath;

    private GlyphOutlines(Key key) {
        Font font = key.font();
        FontRenderContext context = key.context();
        this.spaceAdvance = new TextLayout(" ", font, context).getAdvance();
        Map<String, List<Glyph>> index = new HashMap<>();
        for (int[] range : ALPHABET) {
            for (int c = range[0]; c <= range[1]; c++) {
                if (!font.canDisplay(c)) {
                    continue;
                }
                TextLayout layout = new TextLayout(String.valueOf((char) c), font, context);
                List<Subpath> subpaths = Subpath.of(layout.getOutline(null), null);
                if (!subpaths.isEmpty()) {
                    index.computeIfAbsent(subpaths.get(0).kinds(), k -> new ArrayList<>())
                            .add(new Glyph((char) c, layout.getAdvance(), subpaths));
                }
            }
        }
        // Longest first, so ':' is not read as '.' and a stray dot; among equals, the first in ALPHABET
        // (Latin 'o' before Greek omicron, the micro sign before mu): the sort is stable.
        index.values().forEach(glyphs -> glyphs.sort(Comparator.comparingInt((Glyph g) -> -g.subpaths().size())));
        this.byFirstSubpath = index;
    }

    /** The glyphs of {@code font} as a TextLayout lays them out in {@code context}. */
    static GlyphOutlines of(Font font, FontRenderContext context) {
        return CACHE.computeIfAbsent(new Key(font, context), GlyphOutlines::new);
    }

    /**
     * The string whose outline in this font is {@code shape} seen through {@code inverse} (which undoes
     * a rotation of the text), or null if it is not one.
     */
    Text read(Shape shape, AffineTransform inverse) {
        List<Subpath> subpaths = Subpath.of(shape, inverse);
        StringBuilder text = new StringBuilder();
        double startX = 0;
        double baseline = Double.NaN;
        double nextX = 0;
        int k = 0;
        while (k < subpaths.size()) {
            Subpath first = subpaths.get(k);
            if (first.coordinates().length < 2) {
                return null;
            }
            Glyph glyph = null;
            double x = 0;
            for (Glyph candidate : byFirstSubpath.getOrDefault(first.kinds(), List.of())) {
                double dx = first.x() - candidate.subpaths().get(0).x();
                double dy = first.y() - candidate.subpaths().get(0).y();
                if ((Double.isNaN(baseline) || Math.abs(dy - baseline) <= TOLERANCE)
                        && matches(candidate, subpaths, k, dx, dy)) {
                    glyph = candidate;
                    x = dx;
                    baseline = Double.isNaN(baseline) ? dy : baseline;
                    break;
                }
            }
            if (glyph == null) {
                return null;
            }
            if (k == 0) {
                startX = x;
            } else if (!appendSpaces(text, x - nextX)) {
                return null;
            }
            text.append(glyph.character());
            nextX = x + glyph.advance();
            k += glyph.subpaths().size();
        }
        return text.length() == 0 ? null : new Text(text.toString(), startX, baseline);
    }

    private static boolean matches(Glyph glyph, List<Subpath> subpaths, int from, double dx, double dy) {
        if (from + glyph.subpaths().size() > subpaths.size()) {
            return false;
        }
        for (int i = 0; i < glyph.subpaths().size(); i++) {
            if (!subpaths.get(from + i).isShifted(glyph.subpaths().get(i), dx, dy, TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code gap} (the space between a glyph's end and the next one's start) is whole spaces; appends them. */
    private boolean appendSpaces(StringBuilder text, double gap) {
        long spaces = Math.round(gap / spaceAdvance);
        if (spaces < 0 || Math.abs(gap - spaces * spaceAdvance) > TOLERANCE) {
            return false;
        }
        text.append(" ".repeat((int) spaces));
        return true;
    }

    /** One closed piece of an outline: the kinds of its segments and their coordinates, in order. */
    record Subpath(String kinds, double[] coordinates) {
        double x() {
            return coordinates[0];
        }

        double y() {
            return coordinates[1];
        }

        /** Whether this is {@code other} moved by (dx, dy). */
        boolean isShifted(Subpath other, double dx, double dy, double tolerance) {
            if (!kinds.equals(other.kinds) || coordinates.length != other.coordinates.length) {
                return false;
            }
            for (int i = 0; i < coordinates.length; i += 2) {
                if (Math.abs(coordinates[i] - other.coordinates[i] - dx) > tolerance
                        || Math.abs(coordinates[i + 1] - other.coordinates[i + 1] - dy) > tolerance) {
                    return false;
                }
            }
            return true;
        }

        static List<Subpath> of(Shape shape, AffineTransform transform) {
            List<Subpath> out = new ArrayList<>();
            StringBuilder kinds = new StringBuilder();
            List<Double> coordinates = new ArrayList<>();
            double[] segment = new double[6];
            for (PathIterator it = shape.getPathIterator(transform); !it.isDone(); it.next()) {
                int kind = it.currentSegment(segment);
                if (kind == PathIterator.SEG_MOVETO && kinds.length() > 0) {
                    out.add(new Subpath(kinds.toString(), unboxed(coordinates)));
                    kinds.setLength(0);
                    coordinates.clear();
                }
                kinds.append((char) ('0' + kind));
                for (int i = 0; i < points(kind) * 2; i++) {
                    coordinates.add(segment[i]);
                }
            }
            if (kinds.length() > 0) {
                out.add(new Subpath(kinds.toString(), unboxed(coordinates)));
            }
            return out;
        }

        private static int points(int kind) {
            return switch (kind) {
                case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 1;
                case PathIterator.SEG_QUADTO -> 2;
                case PathIterator.SEG_CUBICTO -> 3;
                default -> 0;
            };
        }

        private static double[] unboxed(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
