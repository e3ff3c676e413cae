package org.clocksim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.None;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * What every chart shares: size, fonts, one colour per source (the same on every chart), colours of
 * cores by socket, and the axes' number formats.
 */
public final class ChartStyle {
    public static final int WIDTH = 1000;
    public static final int HEIGHT = 600;
    /** DejaVu Sans is what the README asks to install; Java falls back to its own sans serif without it. */
    /** The font family every chart asks for (provenance.json says which one Java resolved it to). */
    public static final String FONT = "DejaVu Sans";

    /**
     * Fixed colours of the known source ids, so a source looks the same everywhere: the Okabe–Ito
     * palette (distinguishable with every common colour-vision deficiency; its yellow darkened to show on
     * white) and three of Paul Tol's muted colours. Sources often drawn together (rdtsc/rdtscp, a vDSO
     * call and its syscall) get colours far apart in lightness too.
     */
    private static final Map<String, Color> SOURCE_COLORS = Map.ofEntries(
            Map.entry("rdtsc", new Color(0x0072b2)),
            Map.entry("rdtscp", new Color(0xe69f00)),
            Map.entry("vdso-clock_gettime", new Color(0x009e73)),
            Map.entry("vdso-gettimeofday", new Color(0xd55e00)),
            Map.entry("vdso-time", new Color(0xcc79a7)),
            Map.entry("vdso-clock_gettime-coarse", new Color(0x56b4e9)),
            Map.entry("vsyscall-gettimeofday", new Color(0xb8a000)),
            Map.entry("vsyscall-time", new Color(0x666666)),
            Map.entry("syscall-clock_gettime", new Color(0x000000)),
            Map.entry("syscall-gettimeofday", new Color(0x882255)),
            Map.entry("getcpu", new Color(0x44aa99)));
    /** For ids added later and not yet in the map: chosen by a stable hash of the id. */
    private static final List<Color> FALLBACK = List.of(new Color(0x637939), new Color(0xad494a),
            new Color(0x6b6ecf), new Color(0xe7ba52), new Color(0x843c39), new Color(0x7b4173), new Color(0x3182bd),
            new Color(0x31a354));
    /** Cores: a hue per socket, lighter for later cores of the socket. */
    private static final List<Color> SOCKET_COLORS = List.of(new Color(0x1f4e99), new Color(0xc2410c),
            new Color(0x15803d), new Color(0x7e22ce), new Color(0xa16207), new Color(0x0e7490));
    static final Color MARKER = new Color(0x333333);
    /** Okabe–Ito vermillion: what went wrong (a backward read, an unstable verdict). */
    static final Color ALARM = new Color(0xd55e00);
    /** Okabe–Ito bluish green: a check that passed; tells from {@link #ALARM} with any colour vision. */
    static final Color OK = new Color(0x009e73);
    private static final Color TRANSPARENT = new Color(0, 0, 0, 0);

    private ChartStyle() {
    }

    public static Color sourceColor(String source) {
        Color known = SOURCE_COLORS.get(source);
        return known != null ? known : FALLBACK.get(Math.floorMod(source.hashCode(), FALLBACK.size()));
    }

    /** The colour of core number {@code indexInSocket} (0-based) of {@code socket}, of {@code coresPerSocket}. */
    static Color coreColor(int socket, int indexInSocket, int coresPerSocket) {
        Color base = SOCKET_COLORS.get(Math.floorMod(socket, SOCKET_COLORS.size()));
        float lighten = coresPerSocket <= 1 ? 0 : 0.55f * indexInSocket / (coresPerSocket - 1);
        return new Color(mix(base.getRed(), lighten), mix(base.getGreen(), lighten), mix(base.getBlue(), lighten));
    }

    private static int mix(int channel, float towardsWhite) {
        return Math.round(channel + (255 - channel) * towardsWhite);
    }

    public static Font font(int style, int size) {
        return new Font(FONT, style, size);
    }

    /** An XY chart of the shared size, fonts and look; {@code title} says what and which experiment. */
    public static XYChart xy(String title, String xAxisTitle, String yAxisTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(title);
        chart.setXAxisTitle(xAxisTitle);
        chart.setYAxisTitle(yAxisTitle);
        apply(chart.getStyler());
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    public static void apply(AxesChartStyler styler) {
        styler.setBaseFont(font(Font.PLAIN, 13));
        styler.setChartTitleFont(font(Font.BOLD, 16));
        styler.setAxisTitleFont(font(Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(font(Font.PLAIN, 12));
        styler.setLegendFont(font(Font.PLAIN, 12));
        styler.setAnnotationTextFont(font(Font.PLAIN, 12));
        styler.setAnnotationTextPanelFont(font(Font.PLAIN, 12));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xe8e8e8));
        styler.setPlotGridLinesStroke(new BasicStroke(0.8f));
        styler.setPlotBorderColor(new Color(0x999999));
        styler.setLegendBorderColor(new Color(0xcccccc));
        styler.setChartTitleBoxVisible(false);
        styler.setPlotMargin(6);
        styler.setChartPadding(12);
        styler.setXAxisTickMarkSpacingHint(90);
        styler.setYAxisTickMarkSpacingHint(50);
    }

    /** A line series in one colour, without markers. */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setMarker(SeriesMarkers.NONE);
        series.setLineStyle(new BasicStroke(1.6f));
        return series;
    }

    /** Points only, in one colour. */
    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color,
                           org.knowm.xchart.style.markers.Marker marker) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /**
     * XChart puts ticks at the data's own x (or y) values, unrounded ("19.0955"), when the values of
     * all series are equally spaced, as skew samples are. One invisible point inside the data's range,
     * off the spacing, makes it choose round ticks instead.
     */
    static void roundTicks(XYChart chart) {
        double[] x = range(chart, true);
        double[] y = range(chart, false);
        if (x == null || y == null) {
            return;
        }
        if (y[0] == y[1] && !chart.getStyler().isYAxisLogarithmic()) {
            flat(chart, y[0]);
        }
        if (x[0] == x[1]) {
            return;
        }
        XYSeries hidden = chart.addSeries(" ", new double[] {x[0] + (x[1] - x[0]) * 0.381966},
                new double[] {y[0] + (y[1] - y[0]) * 0.381966});
        hidden.setMarker(new None());
        hidden.setLineColor(TRANSPARENT);
        hidden.setMarkerColor(TRANSPARENT);
        hidden.setShowInLegend(false);
    }

    /** Every y the same: an axis from 0 to a round bound beyond it (or ±1 around 0), so the ticks are round. */
    private static void flat(XYChart chart, double y) {
        double bound = y == 0 ? 1 : niceBound(2 * Math.abs(y));
        chart.getStyler().setYAxisMin(y > 0 ? 0 : -bound);
        chart.getStyler().setYAxisMax(y < 0 ? 0 : bound);
    }

    /** The smallest of 1, 2, 2.5, 5 times a power of ten at or above {@code value} (> 0). */
    static double niceBound(double value) {
        double decade = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5}) {
            if (step * decade >= value * (1 - 1e-12)) {
                return step * decade;
            }
        }
        return 10 * decade;
    }

    /** The smallest and largest x (or y) over every series; null without data. */
    private static double[] range(XYChart chart, boolean x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isNaN(v)) {
                    continue; // a break in a line
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }
}
