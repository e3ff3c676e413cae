package org.clocksim.report.compare;

import java.util.List;

/**
 * Two results directories side by side.
 *
 * @param kind    {@code run} or {@code sweep}
 * @param a       what side A is ("quickstart, seed 42")
 * @param figures every metric either side has, in the order of side A's files, then B's extras
 */
public record Comparison(String kind, String a, String b, List<Figure> figures) {
    public Comparison {
        figures = List.copyOf(figures);
    }

    public List<Figure> differing(double threshold) {
        return figures.stream().filter(f -> f.differs(threshold)).toList();
    }
}
