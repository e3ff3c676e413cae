package org.clocksim.report.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clocksim.kernel.WatchdogVerdict;
import org.clocksim.observe.Cause;
import org.clocksim.results.BackwardSummary;
import org.clocksim.results.CrossSourceSummary;
import org.clocksim.results.KernelSummary;
import org.clocksim.results.SourceSummary;
import org.clocksim.results.Summary;

/**
 * The first lines of report.md: what happened, in plain words, from the summary alone ("`rdtsc` went
 * backwards 657 times, up to 15.0 µs, all after a migration. The kernel kept `tsc` as its clocksource.").
 * Sources that read alike share a sentence.
 */
final class Headline {
    private static final Map<String, String> CAUSE_WORDS = Map.of(
            Cause.CLOCKSOURCE_SWITCH.id(), "at the clocksource switch",
            Cause.TSC_WRITE.id(), "after a TSC write",
            Cause.NTP_STEP.id(), "at an NTP step",
            Cause.MIGRATION.id(), "after a migration",
            Cause.SAME_CORE.id(), "on the same core");

    private Headline() {
    }

    static String of(Summary s) {
        List<String> found = new ArrayList<>();
        List<String> quiet = new ArrayList<>();
        threads(s, found, quiet);
        crossThread(s, found, quiet);
        crossSource(s, found, quiet);
        List<String> sentences = new ArrayList<>(found);
        sentences.addAll(quiet);
        sentences.add(kernel(s.kernel()));
        return String.join(" ", sentences);
    }

    private static void threads(Summary s, List<String> found, List<String> quiet) {
        Map<String, List<String>> byPhrase = new LinkedHashMap<>();
        List<String> never = new ArrayList<>();
        s.sources().forEach((id, source) -> {
            if (!source.readsTime()) {
                return;
            }
            if (source.backwardEvents() == 0) {
                never.add(id);
            } else {
                byPhrase.computeIfAbsent(Readable.times(source.backwardEvents()) + ", up to "
                        + Readable.ns(source.maxBackwardNs()) + causes(source), k -> new ArrayList<>()).add(id);
            }
        });
        if (!byPhrase.isEmpty()) {
            List<String> parts = new ArrayList<>();
            byPhrase.forEach((phrase, ids) -> parts.add(names(ids) + (ids.size() > 1 ? " each" : "")
                    + " went backwards " + phrase));
            found.add(String.join("; ", parts) + ".");
            if (!never.isEmpty()) {
                quiet.add(names(never) + " never went backwards.");
            }
        } else if (!never.isEmpty()) {
            quiet.add("No thread saw its own readings go backwards (" + Readable.count(s.totalReads()) + " reads"
                    + (never.size() > 1 ? " of " + never.size() + " sources" : "") + ").");
        }
    }

    /** ", all after a migration" or ", 500 after a migration, 1 at the clocksource switch" (hand-offs aside). */
    private static String causes(SourceSummary source) {
        Map<String, Long> causes = new LinkedHashMap<>();
        if (source.backwardByCause() == null) {
            return "";
        }
        source.backwardByCause().forEach((cause, count) -> {
            if (!cause.equals(Cause.HANDOFF.id())) {
                causes.put(cause, count);
            }
        });
        if (causes.size() == 1) {
            Map.Entry<String, Long> only = causes.entrySet().iterator().next();
            return only.getValue() == (long) source.backwardEvents()
                    ? ", all " + CAUSE_WORDS.getOrDefault(only.getKey(), only.getKey()) : "";
        }
        List<String> parts = new ArrayList<>();
        causes.forEach((cause, count) -> parts.add(Readable.count(count) + " "
                + CAUSE_WORDS.getOrDefault(cause, cause)));
        return parts.isEmpty() ? "" : ", " + String.join(", ", parts);
    }

    private static void crossThread(Summary s, List<String> found, List<String> quiet) {
        if (s.crossThread().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        List<String> never = new ArrayList<>();
        s.crossThread().forEach((id, b) -> {
            if (b.backwardEvents() == 0) {
                never.add(id);
            } else {
                parts.add(code(id) + " " + Readable.times(b.backwardEvents()) + " (" + share(b) + " of hand-offs), up to "
                        + Readable.ns(b.maxBackwardNs()));
            }
        });
        if (!parts.isEmpty()) {
            found.add("Readings handed to another thread under a lock went backwards: " + String.join("; ", parts) + ".");
            if (!never.isEmpty()) {
                quiet.add("Handed over, " + names(never) + " never went backwards.");
            }
        } else {
            quiet.add("No reading handed to another thread under a lock was behind the one before it.");
        }
    }

    private static String share(BackwardSummary b) {
        return Readable.perMillion(b.backwardPerMillion());
    }

    private static void crossSource(Summary s, List<String> found, List<String> quiet) {
        if (s.crossSource().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, CrossSourceSummary> pair : s.crossSource().entrySet()) {
            CrossSourceSummary c = pair.getValue();
            if (c.violations() > 0) {
                String[] fromTo = pair.getKey().split("->", 2);
                parts.add("a " + code(fromTo[1]) + " reading right after a " + code(fromTo[0]) + " one was behind it "
                        + Readable.times(c.violations()) + ", up to " + Readable.ns(c.maxNs()));
            }
        }
        if (parts.isEmpty()) {
            quiet.add("No source read behind the one read just before it (" + s.crossSource().size()
                    + (s.crossSource().size() == 1 ? " pair" : " pairs") + " compared).");
        } else {
            found.add(capitalised(String.join("; ", parts)) + ".");
        }
    }

    private static String kernel(KernelSummary kernel) {
        List<KernelSummary.Switch> switches = kernel.switches();
        String sentence;
        if (switches.isEmpty()) {
            sentence = kernel.finalClocksource() == null ? "The kernel had no clocksource"
                    : "The kernel kept " + code(kernel.finalClocksource()) + " as its clocksource";
        } else {
            List<String> parts = new ArrayList<>();
            for (KernelSummary.Switch w : switches) {
                parts.add("from " + code(w.from()) + " to " + code(w.to()) + " at " + Readable.ns(w.timeNs()));
            }
            sentence = (kernel.watchdog().withVerdict(WatchdogVerdict.UNSTABLE.id()) > 0
                    ? "The clocksource watchdog found " + code(switches.get(0).from()) + " unstable; the kernel"
                    : "The kernel") + " switched its clocksource " + String.join(", then ", parts);
        }
        if (kernel.ntpMultChanges() > 0) {
            sentence += "; NTP changed the clock's rate (mult) " + Readable.times(kernel.ntpMultChanges());
        }
        return sentence + ".";
    }

    static String code(String id) {
        return "`" + id + "`";
    }

    /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}. */
    static String names(List<String> ids) {
        List<String> coded = ids.stream().map(Headline::code).toList();
        if (coded.size() == 1) {
            return coded.get(0);
        }
        return String.join(", ", coded.subList(0, coded.size() - 1)) + " and " + coded.get(coded.size() - 1);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
