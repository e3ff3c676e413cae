package org.clocksim.report.chart;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * When the per-core charts stop drawing every core: beyond {@link #MAX_CORES} cores a line or a
 * row per core is unreadable (and the files grow as cores², hundreds of MB for 1024 cores), so the
 * skew charts draw each socket's envelope and the core-offsets heatmap compares sockets, or, with
 * more sockets than {@link #MAX_CORES}, the cores furthest from true time.
 */
final class CoreAggregation {
    /** Up to this many cores every core is drawn. */
    static final int MAX_CORES = 32;

    private CoreAggregation() {
    }

    /** Whether the charts of a machine with this many cores aggregate. */
    static boolean aggregates(int cores) {
        return cores > MAX_CORES;
    }

    /** One envelope line: over the cores of one socket (or of the machine), the min or max of each sample time. */
    record Envelope(String name, int socket, boolean upper, double[] timeNs, double[] valueNs) {
    }

    /**
     * The envelopes of the skew rows, two per socket (lower and upper), or two for the whole machine
     * when it has more than {@link #MAX_CORES} / 2 sockets.
     */
    static List<Envelope> envelopes(List<Results.Skew> rows, ToDoubleFunction<Results.Skew> value) {
        boolean perSocket = envelopePerSocket(rows);
        Map<Integer, TreeMap<Double, double[]>> byGroup = new TreeMap<>();
        Map<Integer, Set<Integer>> coresOf = new TreeMap<>();
        for (Results.Skew row : rows) {
            int group = perSocket ? row.socket() : 0;
            double v = value.applyAsDouble(row);
            byGroup.computeIfAbsent(group, g -> new TreeMap<>()).merge(row.timeNs(), new double[] {v, v},
                    (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            coresOf.computeIfAbsent(group, g -> new TreeSet<>()).add(row.core());
        }
        List<Envelope> envelopes = new ArrayList<>();
        for (Map.Entry<Integer, TreeMap<Double, double[]>> group : byGroup.entrySet()) {
            double[] times = group.getValue().keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] lows = group.getValue().values().stream().mapToDouble(mm -> mm[0]).toArray();
            double[] highs = group.getValue().values().stream().mapToDouble(mm -> mm[1]).toArray();
            int cores = coresOf.get(group.getKey()).size();
            String what = perSocket ? "socket " + group.getKey() + ", " + cores + " cores" : "all " + cores + " cores";
            envelopes.add(new Envelope("highest core (" + what + ")", group.getKey(), true, times, highs));
            envelopes.add(new Envelope("lowest core (" + what + ")", group.getKey(), false, times, lows));
        }
        return envelopes;
    }

    private static boolean envelopePerSocket(List<Results.Skew> rows) {
        return rows.stream().mapToInt(Results.Skew::socket).distinct().count() <= MAX_CORES / 2;
    }

    /** What the envelopes show, for the chart's title. */
    static String envelopesWhat(List<Results.Skew> rows) {
        long cores = rows.stream().mapToInt(Results.Skew::core).distinct().count();
        return (envelopePerSocket(rows) ? "per-socket extremes of " : "extremes of ") + cores + " cores";
    }

    /** A row and column of the offsets heatmap: a core, or a socket's mean. */
    record Cell(String label, double offsetNs) {
    }

    /** What the heatmap's rows compare, for its title. */
    static String heatmapWhat(Map<Integer, Double> offsets, Map<Integer, Integer> socketOf) {
        long sockets = socketOf.values().stream().distinct().count();
        return sockets <= MAX_CORES ? "mean offset per socket, " + offsets.size() + " cores"
                : "the " + MAX_CORES + " cores furthest from true time, of " + offsets.size();
    }

    /**
     * The heatmap's rows: each socket's mean offset, or, with more sockets than
     * {@link #MAX_CORES}, the {@link #MAX_CORES} cores with the largest |offset| in core order.
     */
    static List<Cell> heatmapCells(Map<Integer, Double> offsets, Map<Integer, Integer> socketOf) {
        long sockets = socketOf.values().stream().distinct().count();
        if (sockets <= MAX_CORES) {
            Map<Integer, double[]> sums = new TreeMap<>();
            offsets.forEach((core, offset) -> {
                double[] sum = sums.computeIfAbsent(socketOf.get(core), s -> new double[2]);
                sum[0] += offset;
                sum[1]++;
            });
            List<Cell> cells = new ArrayList<>();
            sums.forEach((socket, sum) -> cells.add(new Cell("socket " + socket, sum[0] / sum[1])));
            return cells;
        }
        return offsets.entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<Integer, Double> e) -> -Math.abs(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(MAX_CORES)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Cell("core " + e.getKey(), e.getValue()))
                .toList();
    }
}
