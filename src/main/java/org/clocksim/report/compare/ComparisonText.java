package org.clocksim.report.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clocksim.results.ResultsJson;

/** A comparison as a table for people (the differing metrics last, in a sentence) or as JSON for scripts. */
public final class ComparisonText {
    static final String NONE = "–";

    private ComparisonText() {
    }

    /**
     * @param all whether to list every metric, or only those that differ at all (B ≠ A)
     */
    public static String table(Comparison c, double threshold, boolean all) {
        StringBuilder out = new StringBuilder();
        out.append("A: ").append(c.a()).append('\n').append("B: ").append(c.b()).append('\n');
        List<Figure> shown = c.figures().stream().filter(f -> all || !same(f)).toList();
        int width = Math.max(6, shown.stream().mapToInt(f -> f.metric().length()).max().orElse(0));
        String row = "%-" + width + "s  %14s  %14s  %14s  %9s  %s%n";
        out.append(String.format(Locale.ROOT, row, "metric", "A", "B", "B − A", "relative", ""));
        for (Figure f : shown) {
            out.append(String.format(Locale.ROOT, row, f.metric(), text(f.a()), text(f.b()),
                    Double.isNaN(f.difference()) ? NONE : number(f.difference()), percent(f.relative()),
                    verdict(f, threshold)));
        }
        List<Figure> differing = c.differing(threshold);
        out.append(String.format(Locale.ROOT, "%d of %d metrics differ (threshold %s%s)%s%n", differing.size(),
                c.figures().size(), threshold(threshold),
                c.figures().stream().anyMatch(Figure::tested) ? ", and significant where intervals allow" : "",
                all || shown.size() == c.figures().size() ? "" : "; " + (c.figures().size() - shown.size())
                        + " identical metrics not shown (--all shows them)"));
        return out.toString();
    }

    public static String json(Comparison c, double threshold) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("kind", c.kind());
        root.put("a", c.a());
        root.put("b", c.b());
        root.put("threshold", threshold);
        root.put("differing", c.differing(threshold).size());
        ArrayNode metrics = root.putArray("metrics");
        for (Figure f : c.figures()) {
            ObjectNode m = metrics.addObject();
            m.put("metric", f.metric());
            put(m, "a", f.a());
            put(m, "b", f.b());
            if (!Double.isNaN(f.difference())) {
                m.put("difference", f.difference());
                if (Double.isFinite(f.relative())) {
                    m.put("relative", f.relative());
                }
            }
            if (f.tested()) {
                m.put("significant", f.significant());
            }
            m.put("differs", f.differs(threshold));
        }
        try {
            return ResultsJson.MAPPER.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ObjectNode m, String side, Figure.Value v) {
        if (v == null) {
            m.putNull(side);
        } else if (v.number() == null) {
            m.put(side, v.text());
        } else {
            ObjectNode value = m.putObject(side);
            value.put("value", v.number());
            if (v.hasInterval()) {
                value.put("ciLow", v.low());
                value.put("ciHigh", v.high());
            }
        }
    }

    static boolean same(Figure f) {
        return f.a() != null && f.b() != null && java.util.Objects.equals(f.a().text(), f.b().text())
                && Double.compare(f.a().low(), f.b().low()) == 0 && Double.compare(f.a().high(), f.b().high()) == 0;
    }

    /** 0.05 → "5%". */
    static String threshold(double threshold) {
        return new java.math.BigDecimal(threshold * 100).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    static String verdict(Figure f, double threshold) {
        List<String> words = new ArrayList<>();
        if (f.a() == null || f.b() == null) {
            words.add("only in " + (f.a() == null ? "B" : "A"));
        }
        if (f.tested()) {
            words.add(f.significant() ? "significant" : "within the intervals");
        }
        if (f.differs(threshold)) {
            words.add("DIFFERS");
        }
        return String.join(", ", words);
    }

    static String text(Figure.Value v) {
        if (v == null) {
            return NONE;
        }
        return v.number() == null ? v.text() : number(v.number());
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String percent(double relative) {
        if (Double.isNaN(relative)) {
            return NONE;
        }
        if (Double.isInfinite(relative)) {
            return relative > 0 ? "+∞" : "−∞";
        }
        return String.format(Locale.ROOT, "%+.2f%%", relative * 100);
    }
}
