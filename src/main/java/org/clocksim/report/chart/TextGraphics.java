package org.clocksim.report.chart;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A VectorGraphics2D that writes a filled string outline as the string: XChart fills each label's
 * {@code TextLayout} outline (so VectorGraphics2D's text hint never sees a string), and this reads the
 * string back ({@link GlyphOutlines}) in the font being used, one used before or one of the styler's, upright or turned by a
 * quarter (the y-axis title), and draws it with {@code drawString}, which the SVG holds as
 * {@code <text>}. A shape that is not read as a string is filled as it is.
 */
final class TextGraphics extends VectorGraphics2D {
    /** Every font set on this graphics or a copy of it (a copy shares the set; XChart sets a part's font before its text). */
    private final Set<Font> fonts = new LinkedHashSet<>();
    /** The context some XChart parts lay text out in instead of the graphics' own (a heatmap's cell values). */
    private static final FontRenderContext XCHART_CONTEXT = new FontRenderContext(null, true, false);

    /** {@code fonts}: those the chart may draw text in without setting them first (its styler's). */
    TextGraphics(Collection<Font> fonts) {
        this.fonts.addAll(fonts);
    }

    @Override
    public void setFont(Font font) {
        super.setFont(font);
        if (font != null) {
            fonts.add(font);
        }
    }

    @Override
    public void fill(Shape shape) {
        if (!(shape instanceof Path2D.Float) || !drewAsText(shape)) {
            super.fill(shape);
        }
    }

    private boolean drewAsText(Shape shape) {
        Set<Font> candidates = new LinkedHashSet<>();
        if (getFont() != null) {
            candidates.add(getFont());
        }
        candidates.addAll(fonts);
        for (Font font : candidates) {
            for (FontRenderContext context : List.of(getFontRenderContext(), XCHART_CONTEXT)) {
                for (int quarter = 0; quarter < 4; quarter++) {
                    GlyphOutlines.Text text = GlyphOutlines.of(font, context).read(shape,
                            quarter == 0 ? null : AffineTransform.getQuadrantRotateInstance(-quarter));
                    if (text != null) {
                        draw(text, font, AffineTransform.getQuadrantRotateInstance(quarter));
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void draw(GlyphOutlines.Text text, Font font, AffineTransform rotation) {
        Font previousFont = getFont();
        AffineTransform previousTransform = getTransform();
        if (rotation.getType() != AffineTransform.TYPE_IDENTITY) {
            transform(rotation);
        }
        super.setFont(font);
        drawString(text.text(), (float) text.x(), (float) text.y());
        super.setFont(previousFont);
        setTransform(previousTransform);
    }
}
