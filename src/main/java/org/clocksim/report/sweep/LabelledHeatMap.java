package org.clocksim.report.sweep;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.Optional;
import org.clocksim.report.chart.ChartStyle;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.internal.Utils;

/**
 * A heatmap whose cells are coloured by one number (the band of the value) and labelled with another
 * (the value itself): XChart's own cell labels print the number that sets the colour. The labels are
 * drawn after the chart, in the cells XChart laid out (same geometry as its PlotContent_HeatMap).
 */
final class LabelledHeatMap extends HeatMapChart {
    private final String[][] labels;
    private final Color[][] fills;
    private final Optional<Mark> xMark;
    private final Optional<Mark> yMark;

    /**
     * A line across the map at a parameter's threshold: {@code position} in cells (2.4 is between the third
     * and fourth column or row, 0-based), and what it says.
     */
    record Mark(double position, String label) {
    }

    /**
     * {@code labels[x][y]} and {@code fills[x][y]} (the cell's colour, to pick dark or light text); null where no
     * cell. {@code xMark}, {@code yMark}: thresholds of the first and second parameter.
     */
    LabelledHeatMap(int width, int height, String[][] labels, Color[][] fills, Optional<Mark> xMark,
                    Optional<Mark> yMark) {
        super(width, height, org.knowm.xchart.style.Styler.ChartTheme.XChart);
        this.labels = labels;
        this.fills = fills;
        this.xMark = xMark;
        this.yMark = yMark;
    }

    Optional<Mark> xMark() {
        return xMark;
    }

    String label(int x, int y) {
        return labels[x][y];
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        super.paint(g, width, height);
        Rectangle2D bounds = plot.getBounds();
        int columns = labels.length;
        int rows = columns == 0 ? 0 : labels[0].length;
        if (columns == 0 || rows == 0) {
            return;
        }
        double xSpace = getStyler().getPlotContentSize() * bounds.getWidth();
        double ySpace = getStyler().getPlotContentSize() * bounds.getHeight();
        double left = Utils.getTickStartOffset((int) bounds.getWidth(), xSpace);
        double top = Utils.getTickStartOffset((int) bounds.getHeight(), ySpace);
        double cellWidth = (bounds.getWidth() - 2 * left) / columns;
        double cellHeight = (bounds.getHeight() - 2 * top) / rows;
        Font font = ChartStyle.font(Font.BOLD, cellWidth < 90 ? 11 : 13);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics(font);
        for (int x = 0; x < columns; x++) {
            for (int y = 0; y < rows; y++) {
                if (labels[x][y] == null) {
                    continue;
                }
                double centreX = bounds.getX() + left + cellWidth * (x + 0.5);
                double centreY = bounds.getY() + top + cellHeight * (rows - 1 - y + 0.5);
                g.setColor(dark(fills[x][y]) ? Color.WHITE : new Color(0x222222));
                g.drawString(labels[x][y], (float) (centreX - metrics.stringWidth(labels[x][y]) / 2.0),
                        (float) (centreY + (metrics.getAscent() - metrics.getDescent()) / 2.0));
            }
        }
        g.setColor(MetricChart.THRESHOLD);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {8, 5}, 0));
        Font markFont = ChartStyle.font(Font.BOLD, 13);
        g.setFont(markFont);
        double plotTop = bounds.getY() + top;
        double plotLeft = bounds.getX() + left;
        xMark.ifPresent(m -> {
            double x = plotLeft + cellWidth * (m.position() + 0.5);
            g.draw(new Line2D.Double(x, plotTop, x, plotTop + cellHeight * rows));
            label(g, m.label(), x + 5, plotTop + 16);
        });
        yMark.ifPresent(m -> {
            double y = plotTop + cellHeight * (rows - 1 - m.position() + 0.5);
            g.draw(new Line2D.Double(plotLeft, y, plotLeft + cellWidth * columns, y));
            label(g, m.label(), plotLeft + 5, y - 5);
        });
    }

    /** A mark's text on a white box, readable over any cell colour. */
    private static void label(Graphics2D g, String text, double x, double baseline) {
        FontMetrics metrics = g.getFontMetrics();
        Color line = g.getColor();
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(x - 2, baseline - metrics.getAscent(), metrics.stringWidth(text) + 4,
                metrics.getAscent() + metrics.getDescent()));
        g.setColor(line);
        g.drawString(text, (float) x, (float) baseline);
    }

    private static boolean dark(Color c) {
        return c != null && 0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue() < 140;
    }
}
